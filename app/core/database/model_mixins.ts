import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { DateTime } from 'luxon'

/** Reference data keyed by its official code (a GB/T 2260 region, an industry): the code is the primary key. */
export function withCodeAndName<Model extends NormalizeConstructor<typeof BaseModel>>(superclass: Model) {
  class WithCodeAndName extends superclass {
    static primaryKey = 'code'
    static selfAssignPrimaryKey = true

    @column({ isPrimary: true })
    declare code: string

    @column()
    declare name: string
  }
  return WithCodeAndName
}

/**
 * The columns of a reviewed application (an expert's profile, an 信息员's): who decided
 * it, when, and the reason the applicant reads when it was rejected.
 */
export function withReviewColumns<Model extends NormalizeConstructor<typeof BaseModel>>(superclass: Model) {
  class WithReviewColumns extends superclass {
    @column()
    declare rejectionReason: string | null

    @column()
    declare reviewedById: number | null

    @column.dateTime()
    declare reviewedAt: DateTime | null
  }
  return WithReviewColumns
}
