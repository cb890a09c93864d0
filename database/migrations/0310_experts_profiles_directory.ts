import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 找专家 and the profile page at plan scale (30,000 experts, 1 M cases):
 * - the directory pages through verified experts newest first and counts them; a
 *   partial index on the id keeps both to verified rows only;
 * - the centres' review queue reads one status inside a region scope;
 * - a profile's figures (cases answered, median first response, average rating) are
 *   read from the expert's cases alone, index-only, without visiting the case rows.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX experts_profiles_verified ON experts_profiles (id DESC) WHERE status = 'verified'`)
    this.schema.raw('CREATE INDEX experts_profiles_review ON experts_profiles (status, county_code text_pattern_ops, id)')
    this.schema.raw(`
      CREATE INDEX experts_consultations_expert_figures ON experts_consultations (expert_id)
      INCLUDE (assigned_at, first_response_at, answered_at, rating) WHERE expert_id IS NOT NULL`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS experts_consultations_expert_figures')
    this.schema.raw('DROP INDEX IF EXISTS experts_profiles_review')
    this.schema.raw('DROP INDEX IF EXISTS experts_profiles_verified')
  }
}
