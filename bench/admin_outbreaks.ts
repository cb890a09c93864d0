/*
 * `flock /tmp/bench.lock node --import @poppinss/ts-exec bench/admin_outbreaks.ts` (after
 * `npm run bench:setup`): on the plan-scale database, times 疫情预警's daily detection over the
 * province — every county's clusters of the last 7 days and their counts in the same days of
 * three earlier years — and prints what it raised. The alerts (and their notices) it writes
 * are kept for the 疫情预警 pages of `npm run bench`; a run removes those of the previous one first.
 */
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { root, startBenchDatabase } from './database.js'
import { bootApp, time } from './app.js'

const database = await startBenchDatabase()
const migrated = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, ['ace', 'migration:run', '--force'], { cwd: root, env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'development' }, stdio: 'inherit' })
  child.on('exit', (code) => resolve(code ?? 1))
})
if (migrated !== 0) throw new Error('migration:run failed')
const booted = await bootApp(database.url, { http: false })
try {
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { detectOutbreaks } = await import('../app/modules/admin/outbreaks/outbreak_actions.js')
  const { similarCaseClusters } = await import('../app/modules/experts/public.js')
  const { DateTime } = await import('luxon')
  const { FLOOR, WINDOW_DAYS } = await import('../app/modules/admin/outbreaks/baseline.js')
  await db.from('notifications').where('kind', 'admin.outbreak_alert').delete()
  await db.from('admin_outbreak_alerts').delete()
  const load = () => loadavg()[0].toFixed(1)
  const [clusterMs, clusters] = await time(() => similarCaseClusters({ since: DateTime.now().minus({ days: WINDOW_DAYS }), minSize: FLOOR }))
  console.log(`clusters of the last ${WINDOW_DAYS} days (≥ ${FLOOR} cases): ${clusters.length} in ${(clusterMs / 1000).toFixed(1)} s (load ${load()})`)
  const [detectMs, alerts] = await time(() => detectOutbreaks())
  console.log(`detection (clusters + baselines + alerts): ${alerts.length} alerts in ${(detectMs / 1000).toFixed(1)} s (load ${load()})`)
  for (const alert of alerts.slice(0, 8)) console.log(`  ${alert.countyCode} ${alert.industryCode} ${alert.terms.join('、')}: ${alert.caseCount} vs ${alert.earlierCounts.join('/')}`)
  const [countyMs] = await time(() => detectOutbreaks({ countyCode: clusters[0]?.countyCode ?? '510104' }))
  console.log(`one county again (nothing new to raise): ${countyMs.toFixed(0)} ms`)
} finally {
  await booted.stop()
  await database.stop()
}
