import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 运管中心 (plan 五(二), issue 18 §1): the province's, each city's and county's operation
 * centre and the county's village stations (村级服务站), one per region or village. Each
 * keeps its 六有 checklist: one row per item, filled by the centre with evidence (media
 * attached to the row) and reviewed — approved, or returned with a reason — by the level
 * above. Staff are not stored here: they are the role grants of the centre's scope.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('admin_operation_centers', (table) => {
      table.bigIncrements('id')
      // province | city | county | village
      table.string('level', 8).notNullable()
      // The centre's own region (510000, 510100, 510104); a village station's county.
      table.string('region_code', 6).notNullable().references('code').inTable('regions')
      table.string('village_code', 12).nullable().references('code').inTable('villages')
      table.string('name', 60).notNullable()
      table.string('address', 120).notNullable()
      table.bigInteger('created_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['region_code', 'id'])
    })
    this.schema.raw("CREATE UNIQUE INDEX admin_operation_centers_region ON admin_operation_centers (region_code) WHERE level <> 'village'")
    this.schema.raw('CREATE UNIQUE INDEX admin_operation_centers_village ON admin_operation_centers (village_code) WHERE village_code IS NOT NULL')

    this.schema.createTable('admin_center_checklist_items', (table) => {
      table.bigIncrements('id')
      table.bigInteger('center_id').notNullable().references('id').inTable('admin_operation_centers').onDelete('CASCADE')
      // organization | functions | staff | premises | equipment | funding
      table.string('item', 16).notNullable()
      // submitted | approved | returned (no row: not filled yet)
      table.string('status', 10).notNullable()
      table.text('note').notNullable()
      table.string('return_reason', 200).nullable()
      table.bigInteger('submitted_by_id').notNullable().references('id').inTable('users')
      table.timestamp('submitted_at', { useTz: true }).notNullable()
      table.bigInteger('reviewed_by_id').nullable().references('id').inTable('users')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.unique(['center_id', 'item'])
    })
  }

  async down() {
    this.schema.dropTable('admin_center_checklist_items')
    this.schema.dropTable('admin_operation_centers')
  }
}
