import { column } from '@adonisjs/lucid/orm'
import type { BaseModel } from '@adonisjs/lucid/orm'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { DateTime } from 'luxon'
import type { ListingKind, ListingStatus } from '#modules/achievements/shared/vocabulary'

/**
 * The columns a demand and an offer share (migration 0600 gives both tables the same
 * ones): the owner, kind, title, description, industries (the main one first), county,
 * status and times. Each model adds its own (a demand's budget and deadline, an offer's
 * maturity and IP).
 */
export function withListingColumns<Model extends NormalizeConstructor<typeof BaseModel>>(superclass: Model) {
  class WithListingColumns extends superclass {
    @column({ isPrimary: true })
    declare id: number

    @column()
    declare ownerId: number

    @column()
    declare kind: ListingKind

    @column()
    declare title: string

    @column()
    declare description: string

    @column()
    declare industries: string[]

    @column()
    declare countyCode: string

    @column()
    declare status: ListingStatus

    @column.dateTime({ autoCreate: true })
    declare createdAt: DateTime

    @column.dateTime({ autoCreate: true, autoUpdate: true })
    declare updatedAt: DateTime
  }
  return WithListingColumns
}
