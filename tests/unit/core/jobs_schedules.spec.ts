import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { dispatch } from '#core/jobs/dispatch'
import { once } from '#core/jobs/idempotency'
import { dispatchDueSchedules, syncSchedules } from '#core/jobs/schedules'
import { BOSS_SCHEMA } from '#core/jobs/boss'
import { committingGroup, jobRow } from '#tests/functional/core/jobs_fixtures'

const SWEEP = { job: 'tests.sweep', everySeconds: 60, payload: {} }

const schedule = () => db.from('job_schedules').where('name', SWEEP.job).firstOrFail()
const sweepJobs = async () => (await db.from(`${BOSS_SCHEMA}.job`).where('name', SWEEP.job)).length
const secondsUntil = (date: Date) => (date.getTime() - Date.now()) / 1000
const overdueBy = (interval: string) =>
  db.from('job_schedules').where('name', SWEEP.job).update({ next_run_at: db.raw(`now() - interval '${interval}'`) })

test.group('Jobs / schedules', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a new schedule is due at once; a due run is dispatched once and the next is an interval later', async ({ assert }) => {
    await syncSchedules([SWEEP])
    assert.deepEqual(await dispatchDueSchedules([SWEEP.job]), [SWEEP.job])
    assert.deepEqual(await dispatchDueSchedules([SWEEP.job]), [])
    assert.equal(await sweepJobs(), 1)
    const row = await schedule()
    assert.approximately(secondsUntil(row.next_run_at), 60, 2)
    assert.equal(row.run_count, 1)
  })

  test('five missed runs are one run, and the schedule does not try to catch up', async ({ assert }) => {
    await syncSchedules([SWEEP])
    await overdueBy('5 minutes')
    assert.deepEqual(await dispatchDueSchedules([SWEEP.job]), [SWEEP.job])
    assert.deepEqual(await dispatchDueSchedules([SWEEP.job]), [])
    assert.equal(await sweepJobs(), 1)
    assert.approximately(secondsUntil((await schedule()).next_run_at), 60, 2)
  })

  test('a run a few seconds late keeps its beat', async ({ assert }) => {
    await syncSchedules([SWEEP])
    await overdueBy('10 seconds')
    await dispatchDueSchedules([SWEEP.job])
    assert.approximately(secondsUntil((await schedule()).next_run_at), 50, 2)
  })

  test('restarting (declaring the schedules again) does not postpone a due run', async ({ assert }) => {
    await syncSchedules([SWEEP])
    await overdueBy('3 minutes')
    await syncSchedules([SWEEP])
    assert.approximately(secondsUntil((await schedule()).next_run_at), -180, 2)
    // A shorter interval takes effect at once; a longer one waits for the current run.
    await syncSchedules([{ ...SWEEP, everySeconds: 10 }])
    assert.approximately(secondsUntil((await schedule()).next_run_at), -180, 2)
  })

  test('a run still waiting in the queue absorbs the next one', async ({ assert }) => {
    await syncSchedules([SWEEP])
    await dispatchDueSchedules([SWEEP.job])
    await overdueBy('1 second')
    await dispatchDueSchedules([SWEEP.job])
    assert.equal(await sweepJobs(), 1)
  })

  test('a schedule whose job this worker does not know is left to the workers that do', async ({ assert }) => {
    await syncSchedules([SWEEP])
    assert.deepEqual(await dispatchDueSchedules(['tests.flaky']), [])
    assert.equal(await sweepJobs(), 0)
  })
})

test.group('Jobs / schedules claimed by several workers at once', (group) => {
  // Concurrent claims need separate connections, so this group commits and cleans up.
  committingGroup(group)

  test('five workers claiming the same due run dispatch it once', async ({ assert }) => {
    await syncSchedules([SWEEP])
    await overdueBy('5 minutes')
    const claims = await Promise.all(Array.from({ length: 5 }, () => dispatchDueSchedules([SWEEP.job])))
    assert.equal(claims.flat().length, 1)
    assert.equal(await sweepJobs(), 1)
  })

  test('once(): concurrent runs of the same effect commit it once; a failed effect leaves no key behind', async ({ assert }) => {
    const effect = (trx: any) => trx.table('jobs_test_effects').insert({ key: 'once' })
    const results = await Promise.all(Array.from({ length: 4 }, () => once('tests:once', effect)))
    assert.deepEqual(results.filter(Boolean), [true])
    assert.lengthOf(await db.from('jobs_test_effects').where('key', 'once'), 1)

    await assert.rejects(() =>
      once('tests:fails', async () => {
        throw new Error('effect failed')
      })
    )
    assert.isTrue(await once('tests:fails', effect))
  })
})

test.group('Jobs / dispatch', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a second job with the same singletonKey is dropped while the first waits; keyless jobs never collide', async ({ assert }) => {
    const first = await dispatch('tests.flaky', { key: 'x' }, { singletonKey: 'same' })
    assert.isString(first)
    assert.isNull(await dispatch('tests.flaky', { key: 'y' }, { singletonKey: 'same' }))
    assert.isString(await dispatch('tests.flaky', { key: 'z' }))
    assert.isString(await dispatch('tests.flaky', { key: 'z' }))
  })

  test('delay: the job may not start before then', async ({ assert }) => {
    const id = (await dispatch('tests.flaky', { key: 'later' }, { delay: 120 }))!
    assert.approximately(secondsUntil((await jobRow(id)).start_after), 120, 2)
  })

  test('a job dispatched in a transaction that rolls back does not exist', async ({ assert }) => {
    let id: string | null = null
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        id = await dispatch('tests.flaky', { key: 'rolled-back' }, { client: trx })
        throw new Error('the change failed')
      })
    )
    assert.isString(id)
    assert.isNull(await db.from(`${BOSS_SCHEMA}.job`).where('id', id!).first())
  })

  test('an unknown job name is refused', async ({ assert }) => {
    await assert.rejects(() => dispatch('tests.nope', {}), /No job named "tests.nope"/)
  })
})
