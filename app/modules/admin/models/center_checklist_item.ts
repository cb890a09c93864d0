import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** 六有: 有机构, 有职能, 有 3–5 名人员, 有场所, 有设备, 有经费 — in the plan's order. */
export const CHECKLIST_ITEMS = ['organization', 'functions', 'staff', 'premises', 'equipment', 'funding'] as const
export type ChecklistItemKey = (typeof CHECKLIST_ITEMS)[number]

/** What a filled item is waiting for: the level above's review, or nothing (approved), or the centre again (returned). */
export type ChecklistStatus = 'submitted' | 'approved' | 'returned'

const id = { consume: (value: unknown) => (value === null || value === undefined ? value : Number(value)) }

/** One item of a centre's 六有 checklist as filled: the centre's note, the review; evidence is media attached to the row. */
export default class CenterChecklistItem extends BaseModel {
  static table = 'admin_center_checklist_items'

  @column({ isPrimary: true, ...id })
  declare id: number

  @column(id)
  declare centerId: number

  @column()
  declare item: ChecklistItemKey

  @column()
  declare status: ChecklistStatus

  @column()
  declare note: string

  @column()
  declare returnReason: string | null

  @column(id)
  declare submittedById: number

  @column.dateTime()
  declare submittedAt: DateTime

  @column(id)
  declare reviewedById: number | null

  @column.dateTime()
  declare reviewedAt: DateTime | null
}
