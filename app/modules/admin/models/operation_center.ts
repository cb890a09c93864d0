import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { RegionScope } from '#core/regions/region_scope'

export const CENTER_LEVELS = ['province', 'city', 'county', 'village'] as const
export type CenterLevel = (typeof CENTER_LEVELS)[number]

const id = { consume: (value: unknown) => (value === null || value === undefined ? value : Number(value)) }

/**
 * 运管中心: the province's, a city's or a county's operation centre, or a village station
 * (村级服务站) of a county. Its region is its own (510000, 510100, 510104) or, for a
 * station, its county's; its staff are the role grants of `scope`.
 */
export default class OperationCenter extends BaseModel {
  static table = 'admin_operation_centers'

  @column({ isPrimary: true, ...id })
  declare id: number

  @column()
  declare level: CenterLevel

  @column()
  declare regionCode: string

  @column()
  declare villageCode: string | null

  @column()
  declare name: string

  @column()
  declare address: string

  @column(id)
  declare createdById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** The region the centre answers for: its own, or its county's for a village station. */
  get scope(): RegionScope {
    return RegionScope.fromRegionCode(this.regionCode)
  }
}
