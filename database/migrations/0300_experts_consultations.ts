import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The expert-service loop of DESIGN §4. Deadlines are columns so that the periodic
 * sweep (a durable job) enforces them: nothing lives in an in-memory timer.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('experts_profiles', (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().unique().references('id').inTable('users').onDelete('CASCADE')
      table.string('organization', 60).notNullable()
      table.string('title', 30).notNullable()
      table.string('level', 8).notNullable()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      // Codes of the 10+3 industries; the first is the main one.
      table.specificType('industries', 'text[]').notNullable()
      table.text('specialties').notNullable().defaultTo('')
      table.text('bio').notNullable().defaultTo('')
      table.bigInteger('photo_id').nullable().references('id').inTable('media').onDelete('SET NULL')
      table.string('status', 8).notNullable().defaultTo('pending')
      table.text('rejection_reason').nullable()
      table.bigInteger('reviewed_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.boolean('on_duty').notNullable().defaultTo(true)
      table.date('away_until').nullable()
      table.smallint('max_open_cases').notNullable().defaultTo(10)
      // Kept by the assignment actions in the same transaction: triage orders by it without counting.
      table.integer('open_cases').notNullable().defaultTo(0)
      table.timestamp('last_assigned_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE experts_profiles ADD CONSTRAINT experts_profiles_level CHECK (level IN ('province', 'city', 'county'))`)
    this.schema.raw(`ALTER TABLE experts_profiles ADD CONSTRAINT experts_profiles_status CHECK (status IN ('pending', 'verified', 'rejected'))`)
    this.schema.raw('CREATE INDEX experts_profiles_county ON experts_profiles (county_code text_pattern_ops)')
    this.schema.raw('CREATE INDEX experts_profiles_industries ON experts_profiles USING gin (industries)')
    // Triage candidates: verified experts of an industry, least loaded first.
    this.schema.raw(`CREATE INDEX experts_profiles_candidates ON experts_profiles (level, county_code, open_cases, last_assigned_at) WHERE status = 'verified'`)

    this.schema.createTable('experts_consultations', (table) => {
      table.bigIncrements('id')
      table.bigInteger('reporter_id').notNullable().references('id').inTable('users')
      // When an 信息员 reports for a farmer: who the farmer is (the farmer gets an SMS link).
      table.string('farmer_name', 30).nullable()
      table.string('farmer_phone', 11).nullable()
      // "向TA提问": the expert the reporter addressed; triage tries them first.
      table.bigInteger('addressed_expert_id').nullable().references('id').inTable('experts_profiles')
      table.string('industry_code', 30).notNullable().references('code').inTable('industries')
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.text('text').notNullable()
      table.string('state', 24).notNullable()
      // Content safety verdict of the text: 'pass' or 'held' (blocked text is never stored).
      table.string('moderation', 4).notNullable().defaultTo('pass')
      table.bigInteger('expert_id').nullable().references('id').inTable('experts_profiles')
      // Current escalation level of triage: county → city → province → centre.
      table.string('triage_level', 8).nullable()
      table.timestamp('triage_due_at', { useTz: true }).nullable()
      table.timestamp('assigned_at', { useTz: true }).nullable()
      table.timestamp('response_due_at', { useTz: true }).nullable()
      table.timestamp('first_response_at', { useTz: true }).nullable()
      table.timestamp('answered_at', { useTz: true }).nullable()
      table.timestamp('last_message_at', { useTz: true }).nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.timestamp('followup_due_at', { useTz: true }).nullable()
      // The text_documents row of the past case that solved it (resolved_by_similar).
      table.bigInteger('similar_document_id').nullable()
      table.smallint('rating').nullable()
      table.text('rating_comment').nullable()
      table.string('idempotency_key', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE experts_consultations ADD CONSTRAINT experts_consultations_rating CHECK (rating BETWEEN 1 AND 5)`)
    this.schema.raw('CREATE UNIQUE INDEX experts_consultations_idempotency ON experts_consultations (reporter_id, idempotency_key) WHERE idempotency_key IS NOT NULL')
    this.schema.raw('CREATE INDEX experts_consultations_reporter ON experts_consultations (reporter_id, id DESC)')
    this.schema.raw('CREATE INDEX experts_consultations_expert ON experts_consultations (expert_id, id DESC) WHERE expert_id IS NOT NULL')
    this.schema.raw('CREATE INDEX experts_consultations_county ON experts_consultations (county_code text_pattern_ops, id DESC)')
    this.schema.raw('CREATE INDEX experts_consultations_state ON experts_consultations (state, county_code text_pattern_ops)')
    // The sweep reads only rows with a live deadline.
    this.schema.raw(`CREATE INDEX experts_consultations_triage_due ON experts_consultations (triage_due_at) WHERE state = 'awaiting_triage'`)
    this.schema.raw(`CREATE INDEX experts_consultations_response_due ON experts_consultations (response_due_at) WHERE state = 'assigned'`)

    // One row per state change: the case history and every statistic come from here.
    this.schema.createTable('experts_consultation_events', (table) => {
      table.bigIncrements('id')
      table.bigInteger('consultation_id').notNullable().references('id').inTable('experts_consultations').onDelete('CASCADE')
      // Null for the system (sweep, automatic triage).
      table.bigInteger('actor_id').nullable().references('id').inTable('users')
      table.string('actor_role', 20).nullable()
      table.string('kind', 30).notNullable()
      table.string('from_state', 24).nullable()
      table.string('to_state', 24).nullable()
      table.bigInteger('expert_id').nullable().references('id').inTable('experts_profiles')
      table.text('reason').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw('CREATE INDEX experts_consultation_events_case ON experts_consultation_events (consultation_id, id)')
    this.schema.raw('CREATE INDEX experts_consultation_events_kind ON experts_consultation_events (kind, created_at)')
    this.schema.raw('CREATE INDEX experts_consultation_events_expert ON experts_consultation_events (expert_id, kind) WHERE expert_id IS NOT NULL')

    this.schema.createTable('experts_messages', (table) => {
      table.bigIncrements('id')
      table.bigInteger('consultation_id').notNullable().references('id').inTable('experts_consultations').onDelete('CASCADE')
      // Null when the expert writes through the SMS link (author is then the expert's user id anyway).
      table.bigInteger('author_id').nullable().references('id').inTable('users')
      // 'reporter', 'expert', 'staff'
      table.string('author_role', 10).notNullable()
      // 'message', 'answer', 'question'
      table.string('kind', 10).notNullable().defaultTo('message')
      table.text('body').notNullable()
      table.string('moderation', 4).notNullable().defaultTo('pass')
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw('CREATE INDEX experts_messages_case ON experts_messages (consultation_id, id)')

    this.schema.createTable('experts_consultation_media', (table) => {
      table.bigInteger('consultation_id').notNullable().references('id').inTable('experts_consultations').onDelete('CASCADE')
      table.bigInteger('message_id').nullable().references('id').inTable('experts_messages').onDelete('CASCADE')
      table.bigInteger('media_id').notNullable().references('id').inTable('media').onDelete('CASCADE')
      table.smallint('position').notNullable().defaultTo(0)
      table.primary(['consultation_id', 'media_id'])
    })
  }

  async down() {
    for (const t of ['experts_consultation_media', 'experts_messages', 'experts_consultation_events', 'experts_consultations', 'experts_profiles']) {
      this.schema.dropTable(t)
    }
  }
}
