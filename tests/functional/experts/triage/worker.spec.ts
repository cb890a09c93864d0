import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { BOSS_SCHEMA } from '#core/jobs/boss'
import { JobWorker } from '#core/jobs/worker'
import SmsMessage from '#core/sms/sms_message'
import Consultation from '#modules/experts/models/consultation'
import { enterTriage } from '#modules/experts/triage/enter_triage'
import { ASSIGNMENT_SMS_JOB, TRIAGE_JOB } from '#modules/experts/triage/assign_expert'
import { verifyCaseLink } from '#modules/experts/shared/case_links'
import { waitFor } from '#tests/functional/core/jobs_fixtures'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeCase } from '#tests/fixtures/experts/consultations'

/*
 * The acceptance line "killing the app between submit and triage loses nothing",
 * with a real worker: the case enters triage while no worker runs (its job is only a
 * row in PostgreSQL), then a worker starts and triages it. The worker reads committed
 * rows only, so this group commits and removes what it wrote.
 */
const created = { consultations: [] as number[], users: [] as number[], phones: [] as string[] }

async function removeCommitted() {
  await db.from('experts_consultations').whereIn('id', created.consultations).delete()
  await db.from('notifications').whereIn('user_id', created.users).delete()
  // A verified expert is in 找专家's index (makeExpert indexes it, as verification does).
  const profiles = db.from('experts_profiles').whereIn('user_id', created.users).select(db.raw('id::text'))
  await db.from('text_documents').where('source_type', 'expert').whereIn('source_id', profiles).delete()
  await db.from('experts_profiles').whereIn('user_id', created.users).delete()
  await db.from('users').whereIn('id', created.users).delete()
  await db.from('sms_messages').whereIn('phone', created.phones).delete()
  await db.from(`${BOSS_SCHEMA}.job`).whereIn('name', [TRIAGE_JOB, ASSIGNMENT_SMS_JOB, 'deliver_sms']).delete()
  await db.from('job_effects').where('key', 'like', 'experts:%').delete()
  created.consultations = []
  created.users = []
  created.phones = []
}

test.group('Triage / through the worker', (group) => {
  let worker: JobWorker | null = null
  group.each.setup(() => async () => {
    await worker?.stop()
    worker = null
    await removeCommitted()
  })

  test('a case that entered triage while no worker ran is triaged when one starts, its deadline kept, its expert texted', async ({ assert }) => {
    const { expert } = await makeExpert()
    const consultation = await makeCase({ state: 'submitted' })
    created.users.push(expert.userId, consultation.reporterId)
    created.consultations.push(consultation.id)
    created.phones.push(expert.user.phone)
    const deadline = consultation.triageDueAt!.toMillis()

    await db.transaction(async (trx) => enterTriage(trx, (await Consultation.find(consultation.id, { client: trx }))!, { id: consultation.reporterId }))
    // The app "stops" here: the triage job waits in the queue, nothing runs it.
    const [job] = await db.from(`${BOSS_SCHEMA}.job`).where('name', TRIAGE_JOB).where('singleton_key', `triage:${consultation.id}`)
    assert.equal(job.state, 'created')

    worker = new JobWorker({ scheduleTickSeconds: 0.2, superviseSeconds: 1, pollingSeconds: 0.5 })
    await worker.start()
    await waitFor('the case to be assigned', async () => (await Consultation.findOrFail(consultation.id)).state === 'assigned')
    await waitFor('the expert’s SMS', async () => !!(await SmsMessage.query().where('phone', expert.user.phone).where('status', 'sent').first()))

    await consultation.refresh()
    assert.equal(Number(consultation.expertId), Number(expert.id))
    assert.equal(consultation.triageDueAt!.toMillis(), deadline)
    const sms = await SmsMessage.query().where('phone', expert.user.phone).firstOrFail()
    const [, id, token] = /\/l\/(\d+)\/(\S+)$/.exec(sms.body!)!
    assert.isTrue(verifyCaseLink(Number(id), token).ok)
  }).timeout(60_000)
})
