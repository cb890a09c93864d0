import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import i18nManager from '@adonisjs/i18n/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { clock, HOUR, MINUTE } from '#core/clock'
import Consultation from '#modules/experts/models/consultation'
import { durationInWords, statusInWords } from '#modules/experts/consultations/case_page'
import { messageAllowed } from '#modules/experts/conversation/post_message'
import { submitConsultation } from '#modules/experts/consultations/submit_consultation'
import type { ConsultationState } from '#modules/experts/shared/consultation_states'
import { farmer, listWord, newKey, RICE_BLAST, makeCase, writeMessage, advance } from '#tests/fixtures/experts/consultations'
import { makeExpert } from '#tests/fixtures/experts/profiles'

const zh = () => i18nManager.locale('zh-CN')

/** An unsaved case in a state, for the rules that only read it. */
function caseIn(state: ConsultationState, changes: Partial<Consultation> = {}) {
  const consultation = new Consultation()
  consultation.merge({ state, moderation: 'pass', ...changes })
  return consultation
}

test.group('Reporting / deadlines in words', (group) => {
  group.each.teardown(() => clock.reset())

  test('durations round up, so "within" stays true', ({ assert }) => {
    assert.equal(durationInWords(HOUR, zh()), '1小时')
    assert.equal(durationInWords(HOUR + MINUTE, zh()), '2小时')
    assert.equal(durationInWords(25 * MINUTE, zh()), '25分钟')
    assert.equal(durationInWords(59 * MINUTE + 30_000, zh()), '1小时')
    assert.equal(durationInWords(20_000, zh()), '1分钟')
  })

  test('the status sentence follows state, moderation and deadline', ({ assert }) => {
    const now = DateTime.fromJSDate(clock.now())
    assert.equal(
      statusInWords(caseIn('submitted', { triageDueAt: now.plus({ hours: 1 }) }), zh()),
      '下一步：先看看类似的已解决案例；没能解决问题就请专家解答（10分钟内没有选择，系统会自动为您安排专家）',
      'no expert promised before one is asked for'
    )
    assert.equal(statusInWords(caseIn('awaiting_triage', { triageDueAt: now.plus({ hours: 1 }) }), zh()), '预计1小时内安排专家')
    assert.equal(statusInWords(caseIn('awaiting_triage', { triageDueAt: now.minus({ minutes: 1 }) }), zh()), '正在加紧为您安排专家')
    assert.equal(statusInWords(caseIn('assigned', { responseDueAt: now.plus({ hours: 3 }) }), zh()), '已安排专家，预计3小时内答复')
    assert.equal(statusInWords(caseIn('assigned', { responseDueAt: now.plus({ minutes: 40 }), firstResponseAt: now }), zh()), '专家已接单，预计40分钟内答复')
    assert.equal(statusInWords(caseIn('assigned', { responseDueAt: now.minus({ minutes: 1 }) }), zh()), '正在催促专家答复，必要时为您更换专家')
    assert.equal(statusInWords(caseIn('answering'), zh()), '专家已答复，可以继续留言交流')
    assert.equal(statusInWords(caseIn('submitted', { moderation: 'held', triageDueAt: now.plus({ hours: 1 }) }), zh()), '审核中，通过后为您安排专家')
    assert.equal(statusInWords(caseIn('closed', { moderation: 'rejected' }), zh()), '未通过审核，已关闭')
    assert.equal(statusInWords(caseIn('resolved_by_similar'), zh()), '已通过类似案例解决')
  })
})

test.group('Reporting / who may write when', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('before the answer only the expert writes (answer or question); after it, both talk; never on a held or finished case', async ({ assert }) => {
    for (const state of ['submitted', 'awaiting_triage', 'resolved_by_similar', 'closed', 'followed_up'] as const) {
      for (const role of ['reporter', 'expert'] as const) {
        assert.isFalse(await messageAllowed(caseIn(state), role, 'message'), `${role} in ${state}`)
      }
      assert.isFalse(await messageAllowed(caseIn(state), 'expert', 'answer'), `answer in ${state}`)
    }
    const assigned = caseIn('assigned', { id: 0 })
    assert.isTrue(await messageAllowed(assigned, 'expert', 'answer'))
    assert.isTrue(await messageAllowed(assigned, 'expert', 'question'))
    assert.isFalse(await messageAllowed(assigned, 'expert', 'message'))
    assert.isFalse(await messageAllowed(assigned, 'reporter', 'message'), 'no question asked yet')
    for (const state of ['answering', 'visit_requested', 'visit_dispatched', 'visited'] as const) {
      assert.isTrue(await messageAllowed(caseIn(state), 'reporter', 'message'), state)
      assert.isTrue(await messageAllowed(caseIn(state), 'expert', 'message'), state)
      assert.isFalse(await messageAllowed(caseIn(state), 'reporter', 'answer'), state)
    }
    assert.isFalse(await messageAllowed(caseIn('answering', { moderation: 'held' }), 'reporter', 'message'))
  })

  test('the reporter may reply in "assigned" once the expert asked a published question', async ({ assert }) => {
    const reporter = await farmer()
    const consultation = await makeCase({ reporter })
    const { user, expert } = await makeExpert({ county: '510129' })
    const assigned = await advance(consultation, 'assigned', { expert })
    assert.isFalse(await messageAllowed(assigned, 'reporter', 'message'))
    await writeMessage(assigned, { authorId: user.id, authorRole: 'expert', kind: 'question', body: '发病几天了？' })
    assert.isTrue(await messageAllowed(assigned, 'reporter', 'message'))
  })
})

test.group('Reporting / submitting', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('blocked text stores nothing; the same key twice is one case', async ({ assert }) => {
    await listWord('办假证', 'block')
    const reporter = await farmer()
    const base = { reporter, reporterRole: 'farmer' as const, industryCode: 'grain_oil', countyCode: '510129', farmer: null, addressedExpertId: null, mediaIds: [] }
    const blocked = await submitConsultation({ ...base, text: '哪里可以办假证', idempotencyKey: newKey() })
    assert.deepEqual(blocked, { outcome: 'blocked', categories: ['gambling'] })
    assert.isNull(await Consultation.query().where('reporter_id', reporter.id).first())

    const key = newKey()
    const first = await submitConsultation({ ...base, text: RICE_BLAST, idempotencyKey: key })
    const again = await submitConsultation({ ...base, text: RICE_BLAST, idempotencyKey: key })
    assert.equal(first.outcome, 'created')
    assert.equal(again.outcome, 'duplicate')
    if (first.outcome !== 'blocked' && again.outcome !== 'blocked') assert.equal(Number(again.consultation.id), Number(first.consultation.id))
  })

  test('media that are not the reporter’s unattached files abort the submit', async ({ assert }) => {
    const reporter = await farmer()
    await assert.rejects(() =>
      submitConsultation({
        reporter,
        reporterRole: 'farmer',
        text: RICE_BLAST,
        industryCode: 'grain_oil',
        countyCode: '510129',
        farmer: null,
        addressedExpertId: null,
        mediaIds: [999_999_999],
        idempotencyKey: newKey(),
      })
    )
    assert.isNull(await Consultation.query().where('reporter_id', reporter.id).first())
  })
})
