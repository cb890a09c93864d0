import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { SmsRefusedError, SmsService } from '#core/sms/sms_service'
import { LogSmsDriver } from '#core/sms/drivers/log_driver'
import { TencentSmsDriver } from '#core/sms/drivers/tencent_driver'
import SmsMessage from '#core/sms/sms_message'
import { fakeTencentSmsForGroup, type FakeTencentSms } from '#tests/fakes/tencent_sms_server'

const PHONE = '13812345678'
const CODE = { code: '654321' }
const ACCOUNT = { secretId: 'AKIDservicetest', secretKey: 'service-test-key', appId: '1400000001', signName: '四川乡村振兴科技在线', templates: { '100': 1 } }

let fake: FakeTencentSms
const viaFake = () =>
  new SmsService(new TencentSmsDriver({ ...ACCOUNT, region: 'ap-guangzhou', templateId: () => '100', endpoint: fake.endpoint }))

test.group('SMS / deliver(messageId) is idempotent', (group) => {
  fakeTencentSmsForGroup(group, ACCOUNT, (started) => (fake = started))
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a recorded message waits, queued, until delivered; its code is stored encrypted', async ({ assert }) => {
    const message = await viaFake().record(PHONE, 'verification_code', CODE)
    assert.equal(message.status, 'queued')
    assert.equal(message.attempts, 0)
    assert.lengthOf(fake.received, 0)
    const row = await db.from('sms_messages').where('id', message.id).firstOrFail()
    assert.isString(row.variables)
    assert.notInclude(row.variables, '654321')
  })

  test('a sent message is not sent again, however often deliver() is called', async ({ assert }) => {
    const service = viaFake()
    const message = await service.send(PHONE, 'verification_code', CODE)
    const again = await service.deliver(message.id)
    await service.deliver(message.id)
    assert.lengthOf(fake.received, 1)
    assert.equal(again.message.status, 'sent')
    assert.equal(again.message.attempts, 1)
    assert.isFalse(again.retryable)
  })

  test('a message another worker is sending right now is left alone; a dead worker’s claim is taken over', async ({ assert }) => {
    const service = viaFake()
    const { id } = await service.record(PHONE, 'verification_code', CODE)
    await db.from('sms_messages').where('id', id).update({ status: 'sending', attempts: 1, last_attempt_at: new Date() })
    const busy = await service.deliver(id)
    assert.equal(busy.message.status, 'sending')
    assert.isTrue(busy.retryable)
    assert.lengthOf(fake.received, 0)

    await db.from('sms_messages').where('id', id).update({ last_attempt_at: new Date(Date.now() - 5 * 60_000) })
    assert.deepEqual(await service.stranded(), [Number(id)])
    const takenOver = await service.deliver(id)
    assert.equal(takenOver.message.status, 'sent')
    assert.equal(takenOver.message.attempts, 2)
    assert.lengthOf(fake.received, 1)
  })

  test('stranded() finds queued messages nobody delivered, not fresh, failed or sent ones', async ({ assert }) => {
    const service = new SmsService(new LogSmsDriver())
    const old = await service.record(PHONE, 'verification_code', CODE)
    const fresh = await service.record(PHONE, 'verification_code', CODE)
    const failed = await service.record(PHONE, 'verification_code', CODE)
    const sent = await service.send(PHONE, 'verification_code', CODE)
    const longAgo = new Date(Date.now() - 10 * 60_000)
    await db.from('sms_messages').whereIn('id', [old.id, failed.id, sent.id]).update({ created_at: longAgo })
    await db.from('sms_messages').where('id', failed.id).update({ status: 'failed' })
    assert.deepEqual(await service.stranded(60), [Number(old.id)], 'the fresh one may still be on its way')
    assert.notEqual(fresh.id, old.id)
  })

  test('a missing template variable is a programming error: nothing is recorded', async ({ assert }) => {
    await assert.rejects(() => viaFake().send(PHONE, 'verification_code', {}), 'SMS template verification_code needs the variable "code"')
    assert.isNull(await SmsMessage.findBy('phone', PHONE))
  })
})

test.group('SMS / per-phone daily cap', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const capped = () => new SmsService(new LogSmsDriver(), { dailyCap: 20 })

  async function insertToday(count: number, fields: Record<string, unknown> = {}) {
    const rows = Array.from({ length: count }, () => ({ phone: PHONE, template: 'consultation_assigned', driver: 'log', status: 'sent', created_at: new Date(), ...fields }))
    await db.table('sms_messages').multiInsert(rows)
  }

  test('the 21st message of the day to one phone is refused, recorded with the reason, and never sent', async ({ assert }) => {
    const service = capped()
    for (let i = 0; i < 20; i++) await service.send(PHONE, 'verification_code', CODE)
    const error = await service.send(PHONE, 'verification_code', CODE).catch((thrown) => thrown)
    assert.instanceOf(error, SmsRefusedError)
    assert.equal(error.status, 429)

    const refused = await SmsMessage.findOrFail(error.messageId)
    assert.equal(refused.status, 'refused')
    assert.equal(refused.reason, 'daily cap: 20 messages to this phone today')
    assert.isNull(refused.variables)
    assert.equal(refused.attempts, 0)
    const outcome = await service.deliver(refused.id)
    assert.equal(outcome.message.status, 'refused', 'deliver() does not send a refused message')
    assert.isFalse(outcome.retryable)

    await service.send('13812345679', 'verification_code', CODE)
  })

  test('the cap counts every template, failed attempts included, but not refusals or yesterday', async ({ assert }) => {
    const service = capped()
    const midnight = DateTime.now().setZone('Asia/Shanghai').startOf('day')
    await insertToday(5, { created_at: midnight.minus({ minutes: 1 }).toJSDate() })
    await insertToday(3, { status: 'refused' })
    await insertToday(17)
    await insertToday(2, { status: 'failed', template: 'verification_code' })
    assert.equal(await service.countToday(PHONE), 19)

    assert.equal((await service.record(PHONE, 'verification_code', CODE)).status, 'queued')
    assert.equal((await service.record(PHONE, 'verification_code', CODE)).status, 'refused')
  })

  test('the cap comes from SMS_DAILY_CAP_PER_PHONE, 20 by default', async ({ assert }) => {
    assert.equal(new SmsService(new LogSmsDriver()).dailyCap, 20)
    const tight = new SmsService(new LogSmsDriver(), { dailyCap: 1 })
    await tight.send(PHONE, 'verification_code', CODE)
    await assert.rejects(() => tight.send(PHONE, 'verification_code', CODE), 'daily cap: 1 messages to this phone today')
  })
})

/**
 * Workers race on separate database connections, so these tests run outside the
 * per-test transaction and remove their rows afterwards.
 */
test.group('SMS / concurrent workers on separate connections', (group) => {
  const RACE_PHONE = '13899990000'
  fakeTencentSmsForGroup(group, ACCOUNT, (started) => (fake = started))
  group.each.setup(() => {
    return async () => {
      await db.from('sms_messages').where('phone', RACE_PHONE).delete()
    }
  })

  test('five workers delivering the same message at once send it once', async ({ assert }) => {
    const service = viaFake()
    const { id } = await service.record(RACE_PHONE, 'verification_code', CODE)
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => service.deliver(id)))
    assert.lengthOf(fake.received, 1)
    assert.equal((await SmsMessage.findOrFail(id)).attempts, 1)
    // The others never claimed it: they answer with the row as they read it, being sent or sent by the one that did.
    assert.deepEqual(outcomes.filter((outcome) => !['sending', 'sent'].includes(outcome.message.status)), [])
  })

  test('25 messages to one phone at once: exactly 20 pass the daily cap', async ({ assert }) => {
    const service = new SmsService(new LogSmsDriver(), { dailyCap: 20 })
    const recorded = await Promise.all(Array.from({ length: 25 }, () => service.record(RACE_PHONE, 'verification_code', CODE)))
    assert.equal(recorded.filter((message) => message.status === 'queued').length, 20)
    assert.equal(recorded.filter((message) => message.status === 'refused').length, 5)
  })
})
