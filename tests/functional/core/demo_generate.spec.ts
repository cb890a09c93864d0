import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { tokenize } from '#core/text/segmenter'
import Media from '#core/media/media'
import { mediaDisk } from '#core/media/storage'
import sharp from 'sharp'
import { GENERATED_TABLES } from '#database/factories/plan_scale/generator'
import DemoGenerate from '../../../commands/demo_generate.js'

/**
 * The plan-scale generator at toy scale, on the test database. It writes through
 * its own connections (COPY), so these tests commit and empty the tables afterwards
 * instead of running in a rolled-back transaction.
 */
const UNTIL = '2026-06-01T00:00:00.000Z'
const SMALL = ['--cases', '2000', '--experts', '250', '--officers', '1000', '--farmers', '100', '--until', UNTIL]
/** In a full run another suite may have left committed rows behind: start from empty tables. */
const FRESH = [...SMALL, '--replace']

/** Runs the command; its log lines are read before the UI leaves raw mode (which drops them). */
async function generate(args: string[]) {
  ace.ui.switchMode('raw')
  try {
    const command = await ace.create(DemoGenerate, args)
    await command.exec()
    return Object.assign(command, { output: command.logger.getLogs().map((log) => log.message).join('\n') })
  } finally {
    ace.ui.switchMode('normal')
  }
}

async function scalar(sql: string, bindings: any[] = []): Promise<any> {
  const result = await db.rawQuery(sql, bindings)
  return Object.values(result.rows[0])[0]
}

const indexNames = async () =>
  (await db.rawQuery(`SELECT indexname FROM pg_indexes WHERE tablename = ANY(?) ORDER BY 1`, [GENERATED_TABLES])).rows.map(
    (row: any) => row.indexname
  )

/** A fingerprint of everything generated: equal fingerprints, equal data. */
const fingerprint = () =>
  scalar(`SELECT md5(
    (SELECT string_agg(concat_ws('|', id, state, text, expert_id, rating, created_at, closed_at), ',' ORDER BY id) FROM experts_consultations) ||
    (SELECT string_agg(concat_ws('|', consultation_id, kind, to_state, created_at), ',' ORDER BY id) FROM experts_consultation_events) ||
    (SELECT string_agg(concat_ws('|', source_id, text_tokens, answer_tokens), ',' ORDER BY id) FROM text_documents) ||
    (SELECT string_agg(concat_ws('|', phone, name, county_code), ',' ORDER BY id) FROM users) ||
    (SELECT string_agg(concat_ws('|', public_id, subject_id, storage_key), ',' ORDER BY id) FROM media))`)

/** Tables with no row at all: what the suite starts from, apart from the seeded regions, industries and the like. */
async function emptyTables(): Promise<string[]> {
  const { rows } = await db.rawQuery(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`)
  const empty: string[] = []
  for (const { name } of rows) if (!(await db.rawQuery(`SELECT EXISTS (SELECT 1 FROM "${name}") AS found`)).rows[0].found) empty.push(name)
  return empty
}

test.group('demo:generate (plan-scale data)', (group) => {
  // Every module's generator writes its own tables, some of them (the village registry,
  // the statistics rollups) not tied to users: each test leaves every table that was
  // empty before the group empty again, so no later suite meets generated rows. Ids go
  // on from where they were (no RESTART IDENTITY): rows elsewhere that name a user or a
  // case by id (revoked sessions, kept figures) must never find a new one under it.
  let empty: string[] = []
  group.setup(async () => {
    empty = await emptyTables()
  })
  group.each.teardown(async () => {
    const now = new Set(await emptyTables())
    const filled = empty.filter((name) => !now.has(name))
    if (filled.length) await db.rawQuery(`TRUNCATE ${filled.map((name) => `"${name}"`).join(', ')} CASCADE`)
    // The generator rebuilt the experts module's statistics: leave its progress as a fresh database has it.
    await db.rawQuery('UPDATE experts_case_facts_progress SET last_case_id = 0, last_event_id = 0, refreshed_at = NULL')
  })

  test('fills users, experts and consultations consistently, and puts every index back', async ({ assert }) => {
    const indexesBefore = await indexNames()
    const command = await generate(FRESH)
    command.assertSucceeded()
    for (const phase of ['users and roles', 'consultations, events, answers, index documents', 'indexes']) assert.include(command.output, phase)
    assert.deepEqual(await indexNames(), indexesBefore)

    assert.equal(await scalar('SELECT count(*)::int FROM experts_consultations'), 2000)
    assert.equal(await scalar(`SELECT count(*)::int FROM role_grants WHERE role = 'info_officer'`), 1000)
    assert.equal(await scalar(`SELECT count(*)::int FROM experts_profiles WHERE status = 'verified'`), 250)
    assert.equal(await scalar(`SELECT count(DISTINCT county_code)::int FROM experts_profiles`), 183)
    assert.sameMembers(
      (await db.rawQuery('SELECT DISTINCT level FROM experts_profiles')).rows.map((row: any) => row.level),
      ['county', 'city', 'province']
    )
    // Centre staff in every county, every city and at the province.
    assert.equal(await scalar(`SELECT count(DISTINCT scope)::int FROM role_grants WHERE role = 'center_staff'`), 183 + 21 + 1)
    // Real county codes only; all 13 industries.
    assert.equal(
      await scalar(`SELECT count(*)::int FROM experts_consultations c LEFT JOIN regions r ON r.code = c.county_code AND r.level = 'county' WHERE r.code IS NULL`),
      0
    )
    assert.equal(await scalar('SELECT count(DISTINCT industry_code)::int FROM experts_consultations'), 13)

    // Every case's history is a chain: submitted first, each step from where the last one ended, ending in the case's state.
    assert.equal(
      await scalar(`
        WITH chain AS (
          SELECT e.*, lag(to_state) OVER (PARTITION BY consultation_id ORDER BY id) AS previous,
                 row_number() OVER (PARTITION BY consultation_id ORDER BY id DESC) AS from_end
          FROM experts_consultation_events e)
        SELECT count(*)::int FROM chain c JOIN experts_consultations k ON k.id = c.consultation_id
        WHERE (c.previous IS NULL AND (c.kind <> 'submitted' OR c.from_state IS NOT NULL))
           OR (c.previous IS NOT NULL AND c.from_state IS DISTINCT FROM c.previous)
           OR (c.from_end = 1 AND c.to_state <> k.state)`),
      0
    )
    // Mostly closed and followed up; the rest are recent or solved by a similar case.
    const states = Object.fromEntries(
      (await db.rawQuery('SELECT state, count(*)::int AS n FROM experts_consultations GROUP BY state')).rows.map((row: any) => [row.state, row.n])
    )
    assert.isAbove((states.followed_up ?? 0) + (states.closed ?? 0), 1600)
    assert.isAbove(states.resolved_by_similar ?? 0, 40)

    // Timings as the plan wants them, with a few misses.
    const triagedInAnHour = await scalar(
      `SELECT avg((first.created_at - c.created_at <= interval '1 hour')::int) FROM experts_consultations c
       JOIN LATERAL (SELECT created_at FROM experts_consultation_events WHERE consultation_id = c.id AND kind = 'assigned' ORDER BY id LIMIT 1) first ON true`
    )
    assert.isAbove(Number(triagedInAnHour), 0.95)
    assert.isBelow(Number(triagedInAnHour), 1)
    assert.isAbove(await scalar(`SELECT count(*)::int FROM experts_consultation_events WHERE kind = 'response_missed'`), 0)
    assert.equal(await scalar(`SELECT count(*)::int FROM experts_consultations WHERE first_response_at > assigned_at + interval '3 hours'`), 0)

    // Seasons: summer rice and rapeseed questions outnumber winter ones.
    const summer = await scalar(`SELECT count(*)::int FROM experts_consultations WHERE industry_code = 'grain_oil' AND extract(month FROM created_at) IN (6, 7, 8)`)
    const winter = await scalar(`SELECT count(*)::int FROM experts_consultations WHERE industry_code = 'grain_oil' AND extract(month FROM created_at) IN (12, 1, 2)`)
    assert.isAbove(summer, winter * 2)
    assert.equal(await scalar(`SELECT count(*)::int FROM experts_consultations WHERE created_at > ? OR created_at < ?::timestamptz - interval '5 years 1 day'`, [UNTIL, UNTIL]), 0)

    // Each answered case: one answer message and one solved public index document, cut by the process's segmenter.
    assert.equal(
      await scalar(`SELECT count(*)::int FROM experts_consultations c WHERE answered_at IS NOT NULL AND
        (SELECT count(*) FROM experts_messages m WHERE m.consultation_id = c.id AND m.kind = 'answer') <> 1`),
      0
    )
    assert.equal(
      await scalar(`SELECT count(*)::int FROM experts_consultations WHERE answered_at IS NOT NULL`),
      await scalar(`SELECT count(*)::int FROM text_documents WHERE source_type = 'consultation' AND solved AND public`)
    )
    const sample = await db.from('text_documents').where('source_type', 'consultation').orderBy('id').limit(20)
    for (const row of sample) assert.equal(row.text_tokens, tokenize(row.text).join(' '))
    assert.equal(await scalar(`SELECT count(*)::int FROM text_documents WHERE source_type = 'expert'`), 250)

    // 回访 calls rule every followed-up case (some phones needed a second try); a few cases had a visit.
    assert.equal(
      await scalar(`SELECT count(*)::int FROM experts_followup_calls WHERE reached`),
      await scalar(`SELECT count(*)::int FROM experts_consultations WHERE state = 'followed_up'`)
    )
    assert.isAbove(await scalar(`SELECT count(*)::int FROM experts_followup_calls WHERE NOT reached`), 0)
    assert.isAbove(await scalar(`SELECT count(*)::int FROM experts_visits WHERE status = 'visited' AND travel_cost_fen > 0`), 0)
    // The experts module's statistics facts are rebuilt: one row per case.
    assert.equal(await scalar('SELECT count(*)::int FROM experts_case_facts'), 2000)

    // Sequences continue after the generated ids.
    const generated = Number(await scalar('SELECT max(id) FROM users'))
    const [{ id }] = await db.table('users').insert({ phone: '18800000000', password: 'x', created_at: new Date(), updated_at: new Date() }).returning('id')
    assert.equal(Number(id), generated + 1)
  }).timeout(300_000)

  test('modules add their data after the cases (农技知识库 from valid 回访), and --modules redoes only theirs', async ({ assert }) => {
    ;(await generate(FRESH)).assertSucceeded()
    const entries = Number(await scalar('SELECT count(*) FROM experts_knowledge_entries'))
    assert.isAbove(entries, 0)
    assert.equal(
      Number(await scalar(`SELECT count(*) FROM experts_knowledge_entries e JOIN experts_consultations c ON c.id = e.consultation_id
        WHERE c.knowledge_consent AND EXISTS (SELECT 1 FROM experts_followup_calls f WHERE f.consultation_id = c.id AND f.reached AND f.service_valid)`)),
      entries,
      'every entry comes from a consenting case ruled valid'
    )
    assert.equal(Number(await scalar(`SELECT count(*) FROM text_documents WHERE source_type = 'knowledge'`)), entries)
    assert.equal(Number(await scalar(`SELECT count(*) FROM experts_knowledge_entries WHERE problem ~ '1[3-9][0-9]{9}'`)), 0, 'no phone number goes public')

    // About a third of the cases carry photos, stored where the media service reads them.
    const photographed = Number(await scalar(`SELECT count(DISTINCT subject_id) FROM media WHERE subject_type = 'consultation'`))
    assert.approximately(photographed / Number(await scalar('SELECT count(*) FROM experts_consultations')), 0.35, 0.05)
    const photo = await Media.query().where('subject_type', 'consultation').firstOrFail()
    assert.equal(Number(await scalar(`SELECT count(*) FROM media m JOIN experts_consultations c ON c.id = m.subject_id AND c.reporter_id = m.owner_id
      WHERE m.subject_type = 'consultation' AND m.visibility = 'private'`)), Number(await scalar(`SELECT count(*) FROM media WHERE subject_type = 'consultation'`)))
    assert.equal((await sharp(Buffer.from(await mediaDisk().getBytes(photo.thumbKey!))).metadata()).format, 'webp')

    const cases = await scalar('SELECT count(*) FROM experts_consultations')
    const again = await generate([...SMALL, '--modules', 'knowledge'])
    again.assertSucceeded()
    assert.include(again.output, 'knowledge module')
    assert.notInclude(again.output, 'users and roles')
    assert.equal(await scalar('SELECT count(*) FROM experts_consultations'), cases)
    assert.equal(Number(await scalar('SELECT count(*) FROM experts_knowledge_entries')), entries, 'redone, not added twice')

    ;(await generate([...SMALL, '--modules', 'nonsense'])).assertFailed()
  }).timeout(300_000)

  test('the same seed and end give the same data; another seed does not', async ({ assert }) => {
    ;(await generate(FRESH)).assertSucceeded()
    const first = await fingerprint()
    ;(await generate(FRESH)).assertSucceeded()
    assert.equal(await fingerprint(), first)
    ;(await generate([...FRESH, '--seed', '7'])).assertSucceeded()
    assert.notEqual(await fingerprint(), first)
  }).timeout(300_000)

  test('refuses a database that already has users, and production', async ({ assert }) => {
    await db.rawQuery('TRUNCATE users, text_documents RESTART IDENTITY CASCADE')
    await db.table('users').insert({ phone: '18800000001', password: 'x', created_at: new Date(), updated_at: new Date() })
    const command = await generate(SMALL)
    command.assertFailed()
    assert.include(command.output, 'bench:setup')
    assert.equal(await scalar('SELECT count(*)::int FROM users'), 1)

    const inProduction = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(app), 'inProduction')!
    Object.defineProperty(app, 'inProduction', { get: () => true, configurable: true })
    try {
      const refused = await generate(FRESH)
      refused.assertFailed()
    } finally {
      delete (app as any).inProduction
      assert.deepEqual(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(app), 'inProduction'), inProduction)
    }
    assert.equal(await scalar('SELECT count(*)::int FROM users'), 1)
  }).timeout(60_000)
})
