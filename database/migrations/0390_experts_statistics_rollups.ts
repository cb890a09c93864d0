import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Daily and monthly rollups of the case facts, so that a statistic of any region and
 * any range reads at most a few hundred rows (app/modules/experts/statistics/rollups.ts):
 * every figure is kept three times, for the county, its city and the province (the
 * `region` is the scope prefix: 510104, 5101, 51), per Beijing day (grain 'd') and per
 * month (grain 'm', `day` its first day).
 *
 *  - experts_rollup_figures: the additive figures (cases, ratings, 回访 verdicts,
 *    deadlines met and settled) of a region and period;
 *  - experts_rollup_counts: cases by industry and current state;
 *  - experts_rollup_times: how many measured times (t triage, r response, f follow-up)
 *    fell into each duration bucket, for the medians (experts_duration_bucket);
 *  - experts_rollup_people: per month, quarter (q) and year (y), each expert's (e) and
 *    信息员's (o) cases, verdicts, ratings and misses, for the top lists.
 *
 * Deadlines still open are not in the rollups: whether they count depends on the
 * moment of reading, so they are counted from the facts through a small partial index.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE FUNCTION experts_duration_bucket(seconds double precision) RETURNS smallint
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN seconds IS NULL THEN NULL
          WHEN seconds < 3600 THEN round(greatest(seconds, 0) / 60)
          WHEN seconds < 86400 THEN 60 + round((seconds - 3600) / 360)
          ELSE 290 + least(round((seconds - 86400) / 8640), 3000)
        END::smallint
      $$`)
    this.schema.createTable('experts_rollup_figures', (table) => {
      table.string('region', 6).notNullable()
      table.specificType('grain', 'char(1)').notNullable()
      table.date('day').notNullable()
      for (const column of [
        'cases',
        'resolved_by_similar',
        'auto_closed',
        'rated',
        'rating_sum',
        'ruled',
        'valid',
        'triage_hits',
        'triage_settled',
        'response_hits',
        'response_settled',
        'followup_hits',
        'followup_settled',
        'expert_cases',
        'officer_cases',
      ]) {
        table.integer(column).notNullable().defaultTo(0)
      }
      table.primary(['region', 'grain', 'day'])
    })
    this.schema.createTable('experts_rollup_counts', (table) => {
      table.string('region', 6).notNullable()
      table.specificType('grain', 'char(1)').notNullable()
      table.date('day').notNullable()
      table.string('industry_code', 30).notNullable()
      table.string('state', 24).notNullable()
      table.integer('cases').notNullable()
    })
    this.schema.createTable('experts_rollup_times', (table) => {
      table.string('region', 6).notNullable()
      table.specificType('grain', 'char(1)').notNullable()
      table.date('day').notNullable()
      table.specificType('kind', 'char(1)').notNullable()
      table.smallint('bucket').notNullable()
      table.integer('cases').notNullable()
    })
    this.schema.createTable('experts_rollup_people', (table) => {
      table.string('region', 6).notNullable()
      table.specificType('grain', 'char(1)').notNullable()
      table.specificType('kind', 'char(1)').notNullable()
      table.date('day').notNullable()
      table.bigInteger('person_id').notNullable()
      table.integer('cases').notNullable()
      table.integer('valid').notNullable()
      table.integer('rated').notNullable()
      table.integer('rating_sum').notNullable()
      table.integer('misses').notNullable()
    })
    // The keys carry the counts (INCLUDE), so a statistic reads the index alone, not rows scattered over the table.
    this.schema.raw('ALTER TABLE experts_rollup_counts ADD PRIMARY KEY (region, grain, day, industry_code, state) INCLUDE (cases)')
    this.schema.raw('ALTER TABLE experts_rollup_times ADD PRIMARY KEY (region, grain, day, kind, bucket) INCLUDE (cases)')
    this.schema.raw('ALTER TABLE experts_rollup_people ADD PRIMARY KEY (region, kind, grain, person_id, day) INCLUDE (cases, valid, rated, rating_sum, misses)')
    this.schema.raw('CREATE INDEX experts_rollup_people_top ON experts_rollup_people (region, kind, grain, day, cases DESC)')
    // The cases whose deadline is still open (few: cases under way, 回访 not yet made).
    this.schema.raw(`CREATE INDEX experts_case_facts_open ON experts_case_facts (created_at)
      INCLUDE (county_code, state, assigned_at, first_response_at, followed_up_at, followup_due_at) WHERE
      (assigned_at IS NULL AND state = 'awaiting_triage') OR (first_response_at IS NULL AND assigned_at IS NOT NULL) OR (followed_up_at IS NULL AND followup_due_at IS NOT NULL)`)
    // Whether the rollups hold every fact: false on a database that had facts before them.
    this.schema.alterTable('experts_case_facts_progress', (table) => {
      table.boolean('rollups_built').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable('experts_case_facts_progress', (table) => {
      table.dropColumn('rollups_built')
    })
    this.schema.raw('DROP INDEX experts_case_facts_open')
    this.schema.dropTable('experts_rollup_people')
    this.schema.dropTable('experts_rollup_times')
    this.schema.dropTable('experts_rollup_counts')
    this.schema.dropTable('experts_rollup_figures')
    this.schema.raw('DROP FUNCTION experts_duration_bucket(double precision)')
  }
}
