import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 成果转化 (issue 17 §1): technology demands of market entities (技术需求, TechDemand) and
 * what experts and research units can supply (成果供给, TechOffer). Both are screened by
 * content safety: `published` is public, `held` waits in the centre's review queue (only
 * the owner sees it), `withdrawn` is the owner's taking it down. Money in fen; a demand's
 * deadline is a Beijing date.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('achievements_tech_demands', (table) => {
      table.bigIncrements('id')
      table.bigInteger('owner_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('kind', 12).notNullable()
      table.string('title', 60).notNullable()
      table.text('description').notNullable()
      table.specificType('industries', 'text[]').notNullable()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.integer('budget_min_fen').nullable()
      table.integer('budget_max_fen').nullable()
      table.date('deadline').nullable()
      table.string('status', 12).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['owner_id', 'id'])
    })
    this.schema.createTable('achievements_tech_offers', (table) => {
      table.bigIncrements('id')
      table.bigInteger('owner_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('kind', 12).notNullable()
      table.string('title', 60).notNullable()
      table.text('description').notNullable()
      table.specificType('industries', 'text[]').notNullable()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.string('maturity', 12).notNullable()
      table.string('ip_status', 12).notNullable()
      table.string('patent_number', 20).nullable()
      table.string('status', 12).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['owner_id', 'id'])
    })
    for (const name of ['achievements_tech_demands', 'achievements_tech_offers']) {
      // The public list: published rows newest first by county prefix, and by industry.
      this.schema.raw(`CREATE INDEX ${name}_public ON ${name} (id DESC) WHERE status = 'published'`)
      this.schema.raw(`CREATE INDEX ${name}_public_county ON ${name} (county_code text_pattern_ops, id DESC) WHERE status = 'published'`)
      this.schema.raw(`CREATE INDEX ${name}_industries ON ${name} USING gin (industries) WHERE status = 'published'`)
    }
  }

  async down() {
    this.schema.dropTable('achievements_tech_offers')
    this.schema.dropTable('achievements_tech_demands')
  }
}
