import { BaseSchema } from '@adonisjs/lucid/schema'

/** The payment export reads a list's lines in id order, batch by batch: one index range per batch. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE INDEX admin_subsidy_lines_list_id ON admin_subsidy_lines (list_id, id)')
  }

  async down() {
    this.schema.raw('DROP INDEX admin_subsidy_lines_list_id')
  }
}
