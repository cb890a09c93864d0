import { test } from '@japa/runner'
import { errors } from '@vinejs/vine'
import { clock, DAY, today } from '#core/clock'
import type Consultation from '#modules/experts/models/consultation'
import type Visit from '#modules/experts/models/visit'
import { fenToYuan, yuanToFen } from '#core/money'
import { closeConsultationValidator, dispatchVisitValidator, visitOutcomeValidator } from '#modules/experts/visits/validators'
import { mayClose, mayRecordOutcome, mayRequestVisit } from '#modules/experts/visits/participants'
import { sameId, type Participant } from '#modules/experts/shared/consultation_access'
import { visitPaths } from '#modules/experts/visits/paths'

/** The rule names a validation failure reports per field. */
async function failures(validator: { validate: (data: unknown) => Promise<unknown> }, data: unknown) {
  try {
    await validator.validate(data)
    return {}
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    return Object.fromEntries((error.messages as { field: string; rule: string }[]).map((m) => [m.field, m.rule]))
  }
}

test.group('Visits / money in fen', () => {
  test('yuan as typed become whole fen without floating point', ({ assert }) => {
    assert.strictEqual(yuanToFen('0'), 0)
    assert.strictEqual(yuanToFen('35'), 3500)
    assert.strictEqual(yuanToFen('35.5'), 3550)
    assert.strictEqual(yuanToFen('35.05'), 3505)
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    assert.strictEqual(yuanToFen('0.29'), 29)
    assert.strictEqual(yuanToFen('999999.99'), 99999999)
  })

  test('fen print as yuan with two decimals, and every amount survives the round trip', ({ assert }) => {
    assert.equal(fenToYuan(0), '0.00')
    assert.equal(fenToYuan(3505), '35.05')
    assert.equal(fenToYuan(12000), '120.00')
    for (let fen = 0; fen < 100_000; fen += 7) assert.strictEqual(yuanToFen(fenToYuan(fen)), fen)
  })

  test('the outcome validator refuses signs, letters, 元 and a third decimal', async ({ assert }) => {
    for (const cost of ['-1', '12元a', '1.234', '１２', '1e3', ' ', '1,000']) {
      assert.property(await failures(visitOutcomeValidator, { outcome: '已现场指导', travel_cost: cost }), 'travel_cost', cost)
    }
    const valid = (await visitOutcomeValidator.validate({ outcome: '已现场指导', travel_cost: ' 35.50 ' })) as { travel_cost: number }
    assert.strictEqual(valid.travel_cost, 3550)
  })
})

test.group('Visits / dates and ratings', (group) => {
  group.each.teardown(() => clock.reset())

  test('a visit day is today or later on the platform clock, in Beijing, within a year', async ({ assert }) => {
    const form = (day: string) => ({ expert_id: '1', scheduled_on: day, place: '红砂村' })
    const day = (offset: number) => today().plus({ days: offset }).toISODate()!
    assert.deepEqual(await failures(dispatchVisitValidator, form(day(0))), {})
    assert.deepEqual(await failures(dispatchVisitValidator, form(day(-1))), { scheduled_on: 'not_past' })
    assert.deepEqual(await failures(dispatchVisitValidator, form(day(400))), { scheduled_on: 'within_year' })
    assert.deepEqual(await failures(dispatchVisitValidator, form('2031-02-30')), { scheduled_on: 'visit_day' })
    assert.deepEqual(await failures(dispatchVisitValidator, form('明天')), { scheduled_on: 'regex' })

    const todayBefore = day(0)
    clock.travel(DAY)
    assert.deepEqual(await failures(dispatchVisitValidator, form(todayBefore)), { scheduled_on: 'not_past' })
  })

  test('a rating is one of 1–5, given as the form sends it', async ({ assert }) => {
    for (const rating of ['0', '6', 'abc', '4.5', '', '-1']) {
      assert.property(await failures(closeConsultationValidator, { rating }), 'rating', rating)
    }
    const valid = (await closeConsultationValidator.validate({ rating: '5', comment: null })) as { rating: number }
    assert.strictEqual(valid.rating, 5)
  })

  test('the back address of a no-JS form stays on this site', async ({ assert }) => {
    for (const back of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      assert.property(await failures(closeConsultationValidator, { rating: '3', back }), 'back', back)
    }
    assert.deepEqual(await failures(closeConsultationValidator, { rating: '3', back: '/f/12/e1.abc.DEF_-' }), {})
  })
})

test.group('Visits / who may do what', () => {
  const consultation = (state: string, expertId = 7) => ({ id: 1, state, expertId: String(expertId) }) as unknown as Consultation
  const reporter: Participant = { role: 'reporter', userId: 1 }
  const assignee: Participant = { role: 'expert', userId: 2, expertId: 7 }
  const visitor: Participant = { role: 'expert', userId: 3, expertId: 9 }
  const farmer: Participant = { role: 'farmer', userId: null }

  test('ids compare as numbers whatever pg hands back', ({ assert }) => {
    assert.isTrue(sameId('7', 7))
    assert.isFalse(sameId(null, null))
    assert.isFalse(sameId(undefined, 0))
  })

  test('the reporter and the case\'s own expert ask for a visit, only while it is answered', ({ assert }) => {
    assert.isTrue(mayRequestVisit(reporter, consultation('answering')))
    assert.isTrue(mayRequestVisit(assignee, consultation('answering')))
    assert.isFalse(mayRequestVisit(visitor, consultation('answering')))
    assert.isFalse(mayRequestVisit(farmer, consultation('answering')))
    assert.isFalse(mayRequestVisit(null, consultation('answering')))
    for (const state of ['assigned', 'visit_requested', 'visit_dispatched', 'visited', 'closed']) {
      assert.isFalse(mayRequestVisit(reporter, consultation(state)), state)
    }
  })

  test('only the expert sent records the outcome of a dispatched visit', ({ assert }) => {
    const visit = (status: string) => ({ status, expertId: '9' }) as unknown as Visit
    assert.isTrue(mayRecordOutcome(visitor, consultation('visit_dispatched'), visit('dispatched')))
    assert.isFalse(mayRecordOutcome(assignee, consultation('visit_dispatched'), visit('dispatched')))
    assert.isFalse(mayRecordOutcome(reporter, consultation('visit_dispatched'), visit('dispatched')))
    assert.isFalse(mayRecordOutcome(visitor, consultation('visit_requested'), visit('requested')))
    assert.isFalse(mayRecordOutcome(visitor, consultation('visited'), visit('visited')))
  })

  test('the reporter or the farmer closes an answered or visited case', ({ assert }) => {
    for (const state of ['answering', 'visited']) {
      assert.isTrue(mayClose(reporter, consultation(state)))
      assert.isTrue(mayClose(farmer, consultation(state)))
      assert.isFalse(mayClose(assignee, consultation(state)))
    }
    for (const state of ['submitted', 'assigned', 'visit_requested', 'visit_dispatched', 'closed', 'followed_up']) {
      assert.isFalse(mayClose(reporter, consultation(state)), state)
    }
  })

  test('each kind of visitor acts under its own path', ({ assert }) => {
    const c = { id: 42 }
    assert.equal(visitPaths.visits(c, 'reporter'), '/consultations/42/visits')
    assert.equal(visitPaths.outcome(c, 5, 'expert_link', 'tok'), '/l/42/tok/visits/5/outcome')
    assert.equal(visitPaths.close(c, 'farmer_link', 'tok'), '/f/42/tok/close')
    assert.equal(visitPaths.staffVisit(5), '/admin/visits/5')
  })
})
