import { BaseSchema } from '@adonisjs/lucid/schema'
import { getConstructionPlans } from 'pg-boss'
import { BOSS_SCHEMA } from '#core/jobs/boss'

/**
 * Durable jobs (app/core/jobs): pg-boss's tables in their own schema, plus our
 * interval schedules and the keys of effects that must happen once.
 */
export default class extends BaseSchema {
  // pg-boss's installation script brings its own BEGIN/COMMIT and advisory lock.
  static disableTransactions = true

  async up() {
    this.defer(async (db) => {
      const { rows } = await db.rawQuery('SELECT to_regclass(?) AS installed', [`${BOSS_SCHEMA}.version`])
      // pg-boss upgrades its own schema when a newer version starts; install only once.
      if (!rows[0].installed) await db.rawQuery(getConstructionPlans(BOSS_SCHEMA))
    })

    this.schema.createTable('job_schedules', (table) => {
      // The job the schedule dispatches (one schedule per job).
      table.string('name', 100).primary()
      table.integer('every_seconds').notNullable()
      table.jsonb('payload').notNullable().defaultTo('{}')
      // The durable part: a restart reads when the next run is due from here.
      table.timestamp('next_run_at', { useTz: true }).notNullable()
      table.timestamp('last_run_at', { useTz: true }).nullable()
      table.integer('run_count').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('job_effects', (table) => {
      // Names an effect that must happen once, e.g. escalate:consultation:42:level:2.
      table.string('key', 200).primary()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
  }

  async down() {
    this.schema.dropTable('job_effects')
    this.schema.dropTable('job_schedules')
    this.schema.raw(`DROP SCHEMA IF EXISTS ${BOSS_SCHEMA} CASCADE`)
  }
}
