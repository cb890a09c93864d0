import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import testUtils from '@adonisjs/core/services/test_utils'
import { scheduleDefinitions } from '#core/jobs/registry'
import Expert from '#modules/experts/models/expert'
import { checkOpenCases } from '#modules/experts/triage/open_cases_check'
import { OPEN_CASES_CHECK_JOB, runTriage } from '#modules/experts/triage/jobs'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeCase } from '#tests/fixtures/experts/consultations'

/** Runs fn with logger.warn recorded instead of printed. */
async function capturingWarnings<T>(fn: () => Promise<T>) {
  const warnings: unknown[][] = []
  const original = logger.warn
  logger.warn = ((...args: unknown[]) => {
    warnings.push(args)
  }) as typeof logger.warn
  try {
    return { result: await fn(), warnings }
  } finally {
    logger.warn = original
  }
}

test.group('Triage / open-case counter check', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('runs every hour', async ({ assert }) => {
    assert.deepInclude(scheduleDefinitions(), { job: OPEN_CASES_CHECK_JOB, everySeconds: 3600, payload: {} })
  })

  test('a drifted counter is set to the real count of open cases, each repair logged; a second run repairs nothing', async ({ assert }) => {
    const { expert: busy } = await makeExpert({ name: '甲专家' })
    const { expert: idle } = await makeExpert({ name: '乙专家', openCases: 1 })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    await consultation.refresh()
    assert.equal(Number(consultation.expertId), Number(busy.id))
    // The application's own counting is exact: nothing to repair for these two but the made-up 1.
    await checkOpenCases()
    assert.equal((await Expert.findOrFail(busy.id)).openCases, 1)
    assert.equal((await Expert.findOrFail(idle.id)).openCases, 0)

    // Deliberate drift both ways: one case not counted, three counted that do not exist.
    await db.from('experts_profiles').where('id', busy.id).update({ open_cases: 0 })
    await db.from('experts_profiles').where('id', idle.id).update({ open_cases: 3 })
    const { result: repairs, warnings } = await capturingWarnings(() => checkOpenCases())
    const mine = repairs.filter((repair) => [Number(busy.id), Number(idle.id)].includes(repair.expertId)).sort((a, b) => a.expertId - b.expertId)
    assert.deepEqual(mine, [
      { expertId: Number(busy.id), userId: Number(busy.userId), was: 0, truth: 1 },
      { expertId: Number(idle.id), userId: Number(idle.userId), was: 3, truth: 0 },
    ].sort((a, b) => a.expertId - b.expertId))
    assert.equal((await Expert.findOrFail(busy.id)).openCases, 1)
    assert.equal((await Expert.findOrFail(idle.id)).openCases, 0)
    const logged = warnings.filter(([fields]) => [Number(busy.id), Number(idle.id)].includes((fields as any).expertId))
    assert.lengthOf(logged, 2)
    assert.include(String(logged[0][1]), 'drifted')

    const { result: again } = await capturingWarnings(() => checkOpenCases())
    assert.deepEqual(again, [])
  })
})
