import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { once as onceEvent } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { dispatch } from '#core/jobs/dispatch'
import { JobWorker, type WorkerOptions } from '#core/jobs/worker'
import { deliverSms } from '#core/jobs/sms_delivery'
import { SmsService } from '#core/sms/sms_service'
import { TencentSmsDriver } from '#core/sms/drivers/tencent_driver'
import SmsMessage from '#core/sms/sms_message'
import { smsTemplateNames, templateIdVariable } from '#core/sms/templates'
import { FakeTencentSms } from '#tests/fakes/tencent_sms_server'
import { FIXTURES_FILE, committingGroup, jobRow, runsOf, waitFor } from '#tests/functional/core/jobs_fixtures'

/*
 * Real workers on the real database, so no global transaction here: the worker
 * reads what the test committed, and each test clears what it left behind.
 */
const FAST: WorkerOptions = { scheduleTickSeconds: 0.2, superviseSeconds: 1, pollingSeconds: 0.5 }
const workers: JobWorker[] = []
const children: ChildProcess[] = []

async function startWorker() {
  const worker = new JobWorker(FAST)
  workers.push(worker)
  await worker.start()
  return worker
}

/** `node ace jobs:work` as its own process, with the fixture jobs loaded. */
function spawnWorker(env: Record<string, string> = {}, flags = ['--tick', '0.2', '--supervise', '1']) {
  const child = spawn(
    process.execPath,
    ['ace', 'jobs:work', '--load', FIXTURES_FILE, ...flags],
    { cwd: app.makePath(), env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] }
  )
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  child.on('exit', (code, signal) => {
    if (code && signal === null) console.error(`worker ${child.pid} exited with ${code}:\n${stderr}`)
  })
  children.push(child)
  return child
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = onceEvent(child, 'exit')
  child.kill(signal)
  await exited
}

test.group('Jobs / worker', (group) => {
  committingGroup(group, async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()))
    await Promise.all(children.splice(0).map((child) => stopChild(child, 'SIGKILL')))
  })

  test('a job that fails twice then succeeds: three attempts, further apart each time, completed', async ({ assert }) => {
    await startWorker()
    const id = (await dispatch('tests.flaky', { key: 'flaky-1' }))!
    await waitFor('the third attempt', async () => (await jobRow(id)).state === 'completed')

    const runs = await runsOf('tests.flaky', 'flaky-1')
    assert.deepEqual(
      runs.map((run) => run.attempt),
      [1, 2, 3]
    )
    const job = await jobRow(id)
    assert.equal(job.retry_count, 2)
    assert.isNotNull(job.completed_on)
    // Exponential backoff with a 1 s base (and jitter): 1–2 s, then 2–4 s.
    assert.isAtLeast(runs[1].at - runs[0].at, 950)
    assert.isAtLeast(runs[2].at - runs[1].at, 1950)
  }).timeout(30_000)

  test('a sweep that came due while no worker ran runs once when two workers start', async ({ assert }) => {
    const sweeps = async () => (await runsOf('tests.sweep')).length
    const nextRun = async () => (await db.from('job_schedules').where('name', 'tests.sweep').firstOrFail()).next_run_at as Date

    const first = await startWorker()
    await waitFor('the first sweep', async () => (await sweeps()) === 1)
    await first.stop()
    assert.approximately((await nextRun()).getTime() - Date.now(), 60_000, 5_000)

    // Stopped for five minutes: the stored next run is now five minutes overdue.
    await db.from('job_schedules').where('name', 'tests.sweep').update({ next_run_at: db.raw("now() - interval '5 minutes'") })
    await Promise.all([startWorker(), startWorker()])
    await waitFor('the overdue sweep', async () => (await sweeps()) === 2)
    await sleep(1500) // several ticks of both workers
    assert.equal(await sweeps(), 2)
    // One run for the missed ones, then the regular interval again.
    assert.approximately((await nextRun()).getTime() - Date.now(), 60_000, 5_000)
  }).timeout(30_000)

  test('a worker killed mid-job loses no job and repeats no effect after restart', async ({ assert }) => {
    const keys = ['a', 'b', 'c']
    const ids: string[] = []
    for (const key of keys) ids.push((await dispatch('tests.effect_then_work', { key, holdMs: 3000 }))!)
    const effects = async (key: string) => (await db.from('jobs_test_effects').where('key', key)).length

    let worker = spawnWorker()
    await waitFor('the first job’s effect', async () => (await effects('a')) === 1, 30_000)
    await stopChild(worker, 'SIGKILL')
    assert.equal((await jobRow(ids[0])).state, 'active')
    assert.deepEqual(
      await Promise.all(ids.slice(1).map(async (id) => (await jobRow(id)).state)),
      ['created', 'created']
    )

    worker = spawnWorker()
    await waitFor('every job to complete', async () => {
      const states = await Promise.all(ids.map(async (id) => (await jobRow(id)).state))
      return states.every((state) => state === 'completed')
    }, 60_000)

    for (const key of keys) assert.equal(await effects(key), 1, `effect ${key}`)
    // The killed job ran again (and found its effect done); the others ran once.
    assert.isAtLeast((await runsOf('tests.effect_then_work', 'a')).length, 2)
    assert.lengthOf(await runsOf('tests.effect_then_work', 'b'), 1)
    assert.lengthOf(await runsOf('tests.effect_then_work', 'c'), 1)
  }).timeout(90_000)

  test('a short job whose worker is killed -9 is picked up by another worker within ~10 s (default settings)', async ({ assert }) => {
    // The command's own defaults (no --tick/--supervise), as in production.
    const first = spawnWorker({}, [])
    const id = (await dispatch('tests.short_hold', { key: 'killed', holdMs: 60_000 }))!
    await waitFor('the first attempt', async () => (await runsOf('tests.short_hold', 'killed')).length === 1, 30_000)
    const [run] = await runsOf('tests.short_hold', 'killed')
    await stopChild(first, 'SIGKILL')
    const killedAt = Date.now()
    const job = await jobRow(id)
    assert.equal(job.state, 'active')
    assert.equal(job.heartbeat_seconds, 10)
    // The second worker's start-up (a few seconds) counts against the wait.
    spawnWorker({}, [])

    await waitFor('the second attempt', async () => (await runsOf('tests.short_hold', 'killed')).length === 2, 30_000)
    const pickedUpAfter = Date.now() - killedAt
    console.info(`  picked up ${(pickedUpAfter / 1000).toFixed(1)} s after kill -9 (${((Date.now() - new Date(run.at).getTime()) / 1000).toFixed(1)} s after it started)`)
    assert.isBelow(pickedUpAfter, 15_000)
  }).timeout(90_000)

  test('SIGTERM lets the running job finish before the worker exits', async ({ assert }) => {
    const id = (await dispatch('tests.effect_then_work', { key: 'graceful', holdMs: 1500 }))!
    const worker = spawnWorker()
    await waitFor('the job to start', async () => (await runsOf('tests.effect_then_work', 'graceful')).length === 1, 30_000)
    const exited = onceEvent(worker, 'exit')
    worker.kill('SIGTERM')
    const [code] = await exited
    assert.equal(code, 0)
    assert.equal((await jobRow(id)).state, 'completed')
    assert.lengthOf(await runsOf('tests.effect_then_work', 'graceful'), 1)
  }).timeout(60_000)

  test('an SMS the provider could not take is sent by a later attempt of deliver_sms; one it refuses fails at once', async ({ assert, cleanup }) => {
    const account = { secretId: 'AKIDjobstest', secretKey: 'jobs-test-key', appId: '1400000009', signName: '四川乡村振兴科技在线', templates: { '100': 1 } }
    const fake = await FakeTencentSms.start(account)
    cleanup(() => fake.close())
    const service = new SmsService(
      new TencentSmsDriver({ ...account, region: 'ap-guangzhou', templateId: () => '100', endpoint: fake.endpoint })
    )
    spawnWorker({
      SMS_DRIVER: 'tencent',
      SMS_TENCENT_SECRET_ID: account.secretId,
      SMS_TENCENT_SECRET_KEY: account.secretKey,
      SMS_TENCENT_APP_ID: account.appId,
      // The worker boots only with an id for every template; the test sends verification_code (100).
      ...Object.fromEntries(smsTemplateNames().map((template) => [templateIdVariable(template), '100'])),
      SMS_TENCENT_ENDPOINT: fake.endpoint,
    })

    fake.failNext({ error: ['InternalError.Timeout', 'request timed out'] })
    const message = await service.record('13811110001', 'verification_code', { code: '123456' })
    const jobId = (await deliverSms(message.id))!
    await waitFor('the first attempt to fail', async () => (await jobRow(jobId)).state === 'retry', 30_000)
    assert.equal((await SmsMessage.findOrFail(message.id)).status, 'failed')
    // Backoff: the first retry waits 30–60 s.
    assert.isAtLeast((await jobRow(jobId)).start_after.getTime() - Date.now(), 25_000)

    // The wait is over (moved in the database instead of waiting it out).
    await db.from('pgboss.job').where('id', jobId).update({ start_after: db.raw('now()') })
    await waitFor('the retry to deliver', async () => (await SmsMessage.findOrFail(message.id)).status === 'sent', 30_000)
    const sent = await SmsMessage.findOrFail(message.id)
    assert.equal(sent.attempts, 2)
    assert.lengthOf(fake.received, 2)
    await waitFor('the job to complete', async () => (await jobRow(jobId)).state === 'completed')
    assert.equal((await jobRow(jobId)).retry_count, 1)

    fake.failNext({ error: ['FailedOperation.TemplateIncorrectOrUnapproved', 'template format error or template not approved.'] })
    const refused = await service.record('13811110002', 'verification_code', { code: '654321' })
    const refusedJobId = (await deliverSms(refused.id))!
    await waitFor('the refusal', async () => (await jobRow(refusedJobId)).state === 'failed', 30_000)
    const failed = await jobRow(refusedJobId)
    assert.equal(failed.retry_count, 0)
    assert.include(failed.output.message, 'TemplateIncorrectOrUnapproved')
    assert.equal((await SmsMessage.findOrFail(refused.id)).status, 'failed')
  }).timeout(90_000)
})
