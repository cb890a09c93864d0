import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 农户微商's product search goes through the text engine's documents of source
 * supply.product. Like the expert directory (0311), the knowledge base (0372) and 产业信息
 * (0407), the products get a partial GIN index of their own: on the shared index a common
 * word (猕猴桃, 草莓, 玉米 for 苞谷) is tens of thousands of cases' entries to AND with the
 * source before 200 k products' few thousand matches can be ranked (60–120 ms a search at
 * plan scale, 8–10 ms with it).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX IF NOT EXISTS text_documents_supply_product_search ON text_documents USING gin (search_vector) WHERE source_type = 'supply.product'`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS text_documents_supply_product_search')
  }
}
