import { test } from '@japa/runner'
import { Writable } from 'node:stream'
import v8 from 'node:v8'
import vm from 'node:vm'
import { pipeline } from 'node:stream/promises'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { clock, DAY } from '#core/clock'
import { RegionScope } from '#core/regions/region_scope'
import { exportRecords } from '#modules/experts/exports/records'
import { createUser } from '#tests/helpers'
import { labels } from '#tests/fixtures/experts/exports'

const ROWS = 100_000
const MB = 1024 * 1024
/**
 * Bounds while exporting 100 k rows (≈ 42 MB of CSV; the rows held at once would
 * take well over 150 MB): peak RSS growth, and peak live memory (heap + buffers
 * right after a collection) growth, which garbage waiting for the collector cannot blur.
 */
const RSS_BOUND = 128 * MB
const LIVE_BOUND = 24 * MB

// A full collection on demand, so that the samples measure what is still referenced.
v8.setFlagsFromString('--expose-gc')
const collect = vm.runInNewContext('gc') as () => void
const live = () => {
  collect()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.external
}

/**
 * A year of a city's records must export in flat memory: 100 k cases through the
 * cursor, RSS sampled every 10 ms, the output counted and thrown away.
 */
test.group('Exports / 100 k rows in flat memory', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const format of ['csv', 'xlsx'] as const) {
    test(`${format}: peak RSS growth under 128 MB, live memory under 24 MB`, async ({ assert }) => {
      const reporter = await createUser({ county: '510104', roles: ['info_officer'], name: '批量信息员' })
      await db.rawQuery(
        `INSERT INTO experts_consultations (reporter_id, industry_code, county_code, text, state, moderation, farmer_name, farmer_phone, created_at, updated_at, closed_at, rating)
         SELECT ?, 'grain_oil', (ARRAY['510104','510105','510106','510107'])[1 + i % 4],
           repeat('水稻叶片出现褐色病斑，穗颈发黑，') || i, 'closed', 'pass', '农户' || i, '139' || lpad(i::text, 8, '0'),
           ?::timestamptz - (i || ' seconds')::interval, now(), ?::timestamptz - (i || ' seconds')::interval + interval '2 days', 1 + i % 5
         FROM generate_series(1, ?) AS i`.replace("repeat('水稻叶片出现褐色病斑，穗颈发黑，')", "repeat('水稻叶片出现褐色病斑，穗颈发黑，', 6)"),
        [reporter.id, clock.now(), clock.now(), ROWS]
      )
      const staff = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' } })

      const liveBefore = live()
      const before = process.memoryUsage().rss
      let peak = before
      let livePeak = liveBefore
      const sampler = setInterval(() => {
        livePeak = Math.max(livePeak, live())
        peak = Math.max(peak, process.memoryUsage().rss)
      }, 500)
      let bytes = 0
      const started = performance.now()
      try {
        const stream = await exportRecords({
          actor: staff,
          actorRole: 'center_admin',
          ip: null,
          filters: { region: RegionScope.fromPrefix('5101'), from: new Date(clock.now().getTime() - 30 * DAY), to: new Date(clock.now().getTime() + DAY), fromDay: 'a', toDay: 'b' },
          phones: 'full',
          format,
          labels: labels(),
        })
        await pipeline(stream, new Writable({ write: (chunk, _encoding, next) => ((bytes += chunk.length), next()) }))
      } finally {
        clearInterval(sampler)
      }
      const seconds = (performance.now() - started) / 1000
      const growth = peak - before
      const liveGrowth = livePeak - liveBefore
      console.log(
        `  ${format}: ${ROWS} rows, ${(bytes / MB).toFixed(1)} MB; peak RSS growth ${(growth / MB).toFixed(1)} MB, live ${(liveGrowth / MB).toFixed(1)} MB` +
          ` (${Math.round(ROWS / seconds)} rows/s with a collection every 0.5 s; see bench for speed)`
      )
      const audited = await db.from('audit_log').where('action', 'experts.export').orderBy('id', 'desc').firstOrFail()
      assert.equal(audited.changes.rows.new, ROWS)
      assert.isAbove(bytes, format === 'csv' ? 40 * 1024 * 1024 : 5 * 1024 * 1024)
      assert.isBelow(growth, RSS_BOUND)
      assert.isBelow(liveGrowth, LIVE_BOUND)
    }).timeout(300_000)
  }
})
