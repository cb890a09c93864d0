import { BaseSchema } from '@adonisjs/lucid/schema'

/** 绩效 lists a year's people of one kind, most valid consultations first: the province's 60 000 信息员 as one index walk. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE INDEX admin_performance_figures_ranking ON admin_performance_figures (year, role, valid DESC, user_id)')
  }

  async down() {
    this.schema.raw('DROP INDEX admin_performance_figures_ranking')
  }
}
