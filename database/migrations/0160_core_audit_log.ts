import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_log', (table) => {
      table.bigIncrements('id')
      table.bigInteger('actor_id').nullable()
      table.string('actor_role', 20).nullable()
      table.string('action', 60).notNullable()
      table.string('subject_type', 40).notNullable()
      table.string('subject_id', 40).nullable()
      // The county the subject belongs to: admins see the entries of their scope only.
      table.string('county_code', 6).nullable()
      table.string('ip', 45).nullable()
      // { field: { old, new } } for sensitive changes; never passwords or codes.
      table.jsonb('changes').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw('CREATE INDEX audit_log_county_prefix ON audit_log (county_code text_pattern_ops, id DESC)')
    // Append-only, enforced by the database: no code path, nor a stray SQL console
    // session, can rewrite history.
    this.schema.raw(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`)
    this.schema.raw(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`)
    this.schema.raw(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`)
  }

  async down() {
    this.schema.dropTable('audit_log')
    this.schema.raw('DROP FUNCTION audit_log_is_append_only()')
  }
}
