import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import SmsMessage from '#core/sms/sms_message'
import Consultation from '#modules/experts/models/consultation'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import { ASSIGNMENT_SMS_JOB } from '#modules/experts/triage/assign_expert'
import { runTriage } from '#modules/experts/triage/jobs'
import { attachPhoto, runQueued } from '#tests/fixtures/experts/triage'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { newPhone } from '#tests/browser/phone'
import { makeCase } from '#tests/fixtures/experts/consultations'

/*
 * An expert on a 360×640 phone opens the link from the SMS (no account session),
 * reads the case with its photo, accepts and answers; with JavaScript the case is
 * swapped in place, without it every form posts and the page comes back.
 */
test.group('Expert SMS link in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /** A case assigned by triage, and the link path the expert's SMS carries. */
  async function linkFromSms() {
    const { expert } = await makeExpert({ name: '张农技' })
    const consultation = await makeCase({ state: 'awaiting_triage', text: '水稻叶片出现褐色梭形病斑，中间灰白色，最近几天蔓延很快，怎么办？' })
    await attachPhoto(consultation, await consultation.related('reporter').query().firstOrFail())
    await runTriage({ consultationId: consultation.id })
    await runQueued(ASSIGNMENT_SMS_JOB)
    const sms = await SmsMessage.query().where('phone', expert.user.phone).firstOrFail()
    const url = new URL(/(https?:\/\/\S+)$/.exec(sms.body!)![1])
    return { consultation, path: url.pathname }
  }

  test('with JavaScript: accept, then answer; the case changes in place', async ({ visit, assert }) => {
    const { consultation, path } = await linkFromSms()
    const page = await visit(path)
    await page.assertTextContains('h1', '川粮油')
    await page.assertTextContains('#expert-case', '褐色梭形病斑')
    await page.assertNotExists('nav.tabbar')
    await page.assertVisible('.media-grid img')
    assert.isTrue(await page.locator('.media-grid img').evaluate((img: any) => img.complete && img.naturalWidth > 0), 'the photo loads')
    // Nothing is wider than the phone.
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
    await page.evaluate(() => ((globalThis as any).samePage = true))

    await page.getByRole('button', { name: '接单' }).click()
    await page.assertTextContains('#expert-case', '已接单，请尽快解答')

    await page.getByLabel('解答', { exact: true }).fill('这是稻瘟病。用75%三环唑可湿性粉剂喷雾，7天后再喷一次，注意排水晒田。')
    await page.getByRole('button', { name: '提交解答' }).click()
    await page.assertTextContains('#expert-case', '解答已提交，报告人会收到通知')
    await page.assertTextContains('#conversation-messages', '三环唑可湿性粉剂')
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'no page reload')

    await consultation.refresh()
    assert.equal(consultation.state, 'answering')
    assert.isNotNull(consultation.firstResponseAt)
  })

  test('without JavaScript: the answer form posts and the page comes back answered', async ({ browser, test: current, assert }) => {
    const { consultation, path } = await linkFromSms()
    const context = await newPhone(browser, current, { javaScript: false })
    const page = await context.visit(path)

    await page.getByLabel('解答', { exact: true }).fill('叶瘟发生初期喷施三环唑，每亩用量按说明书。')
    await page.getByRole('button', { name: '提交解答' }).click()
    await page.assertPath(path)
    await page.assertTextContains('.flash.success', '解答已提交')
    await page.assertTextContains('.messages', '叶瘟发生初期喷施三环唑')

    const [answer] = await ConsultationMessage.query().where('consultation_id', consultation.id)
    assert.equal(answer.kind, 'answer')
    assert.equal((await Consultation.findOrFail(consultation.id)).state, 'answering')
  })
})
