import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'

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
