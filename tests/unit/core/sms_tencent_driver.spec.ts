import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { SmsNotSentError, SmsService } from '#core/sms/sms_service'
import { TencentSmsDriver, type TencentSmsConfig } from '#core/sms/drivers/tencent_driver'
import SmsMessage from '#core/sms/sms_message'
import { fakeTencentSmsForGroup, type FakeTencentSms } from '#tests/fakes/tencent_sms_server'
import { registerSmsTemplates } from '#core/sms/templates'

const PHONE = '13812345678'
const ACCOUNT = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  appId: '1400787878',
  signName: '四川乡村振兴科技在线',
  templates: { '1934567': 1 },
}

let fake: FakeTencentSms

function tencent(overrides: Partial<TencentSmsConfig> = {}) {
  return new SmsService(
    new TencentSmsDriver({
      secretId: ACCOUNT.secretId,
      secretKey: ACCOUNT.secretKey,
      appId: ACCOUNT.appId,
      signName: ACCOUNT.signName,
      region: 'ap-guangzhou',
      templateId: (template) => (template === 'verification_code' ? '1934567' : undefined),
      endpoint: fake.endpoint,
      ...overrides,
    })
  )
}

/** send() for a failure: the error it throws and the message as recorded. */
async function failedSend(service: SmsService) {
  const error = await service.send(PHONE, 'verification_code', { code: '123456' }).then(
    () => null,
    (thrown) => thrown
  )
  if (!(error instanceof SmsNotSentError)) throw new Error(`expected SmsNotSentError, got ${error}`)
  return { error, message: await SmsMessage.findOrFail(error.messageId) }
}

test.group('SMS / Tencent Cloud driver against a local fake of the API', (group) => {
  fakeTencentSmsForGroup(group, ACCOUNT, (started) => (fake = started))
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the SDK signs with the secret key and sends action, version, +86 phone, template, params, sign and app id', async ({ assert }) => {
    const message = await tencent().send(PHONE, 'verification_code', { code: '123456' })

    assert.lengthOf(fake.received, 1)
    const [{ headers, body }] = fake.received
    assert.equal(headers['x-tc-action'], 'SendSms')
    assert.equal(headers['x-tc-version'], '2021-01-11')
    assert.equal(headers['x-tc-region'], 'ap-guangzhou')
    assert.match(headers['content-type']!, /^application\/json/)
    assert.match(headers.authorization!, new RegExp(`^TC3-HMAC-SHA256 Credential=${ACCOUNT.secretId}/\\d{4}-\\d{2}-\\d{2}/`))
    assert.deepEqual(body, {
      PhoneNumberSet: ['+8613812345678'],
      SmsSdkAppId: '1400787878',
      SignName: '四川乡村振兴科技在线',
      TemplateId: '1934567',
      TemplateParamSet: ['123456'],
      SessionContext: String(message.id),
    })

    await message.refresh()
    assert.equal(message.status, 'sent')
    assert.equal(message.driver, 'tencent')
    assert.equal(message.attempts, 1)
    assert.match(message.providerRef!, /^3369:[0-9a-f]{32}$/)
    assert.isNotNull(message.sentAt)
    assert.isNull(message.body, 'text sent to a real phone is not stored')
    assert.isNull(message.variables, 'the code is erased once sent')
  })

  test('a wrong secret key fails the signature check: recorded failed with the reason, not worth retrying', async ({ assert }) => {
    const { error, message } = await failedSend(tencent({ secretKey: 'not-the-secret-key' }))
    assert.lengthOf(fake.received, 0, 'the fake let an unauthenticated request through')
    assert.equal(message.status, 'failed')
    assert.equal(message.attempts, 1)
    assert.include(message.reason!, 'AuthFailure.SignatureFailure')
    assert.isFalse(error.retryable)
    assert.equal(error.status, 503)
  })

  test('an unknown secret id is refused as well', async ({ assert }) => {
    const { message } = await failedSend(tencent({ secretId: 'AKIDsomeoneelse' }))
    assert.include(message.reason!, 'AuthFailure.SecretIdNotFound')
  })

  test('a template id the provider has not approved fails with its code', async ({ assert }) => {
    const { error, message } = await failedSend(tencent({ templateId: () => '999' }))
    assert.include(message.reason!, 'FailedOperation.TemplateIncorrectOrUnapproved')
    assert.isFalse(error.retryable)
  })

  test('a number the provider refuses today fails with the per-number code', async ({ assert }) => {
    fake.failNext({ numberCode: ['LimitExceeded.PhoneNumberDailyLimit', 'the number of SMS messages sent from a single mobile number every day exceeds the upper limit'] })
    const { error, message } = await failedSend(tencent())
    assert.lengthOf(fake.received, 1)
    assert.equal(message.status, 'failed')
    assert.include(message.reason!, 'LimitExceeded.PhoneNumberDailyLimit')
    assert.isFalse(error.retryable)
    assert.isNotNull(message.variables, 'kept for a retry by hand')
  })

  test('a provider hiccup fails retryably; delivering again sends it, once', async ({ assert }) => {
    const service = tencent()
    fake.failNext({ error: ['InternalError.Timeout', 'request timed out'] })
    const { error, message } = await failedSend(service)
    assert.isTrue(error.retryable)
    assert.include(message.reason!, 'InternalError.Timeout')

    const retry = await service.deliver(message.id)
    assert.equal(retry.message.status, 'sent')
    assert.equal(retry.message.attempts, 2)
    assert.isNull(retry.message.reason)
    assert.lengthOf(fake.received, 2)
    assert.deepEqual(fake.received[1].body.TemplateParamSet, ['123456'], 'the retry sends the same code')
  })

  test('an HTTP 502 from the gateway and an unreachable endpoint are retryable failures', async ({ assert }) => {
    fake.failNext({ httpStatus: 502 })
    const bad = await failedSend(tencent())
    assert.isTrue(bad.error.retryable)
    assert.include(bad.message.reason!, '502')

    const unreachable = await failedSend(tencent({ endpoint: 'http://127.0.0.1:1' }))
    assert.isTrue(unreachable.error.retryable)
    assert.include(unreachable.message.reason!, 'ECONNREFUSED')
  })

  test('a template without a configured id: a module registering it stops the boot; a send fails for good', async ({ assert, cleanup }) => {
    const driver = process.env.SMS_DRIVER
    process.env.SMS_DRIVER = 'tencent'
    cleanup(() => {
      process.env.SMS_DRIVER = driver
    })
    assert.throws(
      () => registerSmsTemplates({ tests_unapproved: { text: '测试{id}', params: ['id'] } }),
      'SMS_DRIVER=tencent needs SMS_TEMPLATE_TESTS_UNAPPROVED (the approved id of SMS template tests_unapproved)'
    )
    const { error } = await failedSend(tencent({ templateId: () => undefined }))
    assert.isFalse(error.retryable)
    assert.include(error.message, 'no template id for verification_code')
  })
})
