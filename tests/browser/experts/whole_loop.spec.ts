import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import type User from '#core/accounts/models/user'
import { clock } from '#core/clock'
import SmsMessage from '#core/sms/sms_message'
import Consultation from '#modules/experts/models/consultation'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import { ASSIGNMENT_SMS_JOB, TRIAGE_JOB } from '#modules/experts/triage/assign_expert'
import { runQueued } from '#tests/fixtures/experts/triage'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { phonePhotoWithGps } from '#tests/fixtures/media/generate'
import { newPhone } from '#tests/browser/phone'
import { RICE_BLAST, importSolvedCases, infoOfficer, staffOf } from '#tests/fixtures/experts/consultations'

/*
 * The whole expert-service loop of the plan 五(三)1, walked on 360×640 phones by the
 * four people it involves, each in their own browser: the 信息员 reports with a photo
 * and sees similar cases, triage gives the case to the county's expert, who answers
 * from the SMS link without logging in; the reporter asks for a visit, the county
 * centre dispatches it, the expert records it with the travel cost, the centre
 * confirms the cost; the reporter closes and rates; the centre phones back.
 * Only the queued jobs are run by the test (the worker's part).
 */
test.group('The whole expert-service loop on phones', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('report → similar → triage → answer from SMS → visit → close and rate → follow-up', async ({ browser, assert, cleanup }) => {
    await importSolvedCases()
    const officer = await infoOfficer('510129')
    const { expert } = await makeExpert({ name: '大邑粮油专家', county: '510129', industries: ['grain_oil'] })
    const staff = await staffOf('510129')

    const phone = async (user?: User) => {
      const context = await newPhone(browser, { cleanup })
      if (user) await context.loginAs(user)
      return context
    }
    const reporterPhone = await phone(officer)
    const staffPhone = await phone(staff)
    const expertPhone = await phone()

    // 报需求 with a photo; similar solved cases appear; none fits, so an expert is asked.
    const report = await reporterPhone.visit('/consultations/new')
    await report.getByLabel('农户姓名').fill('王大田')
    await report.getByLabel('农户手机号').fill('13812347777')
    await report.getByLabel('问题描述').fill(RICE_BLAST)
    await report.setInputFiles('#f-photos', { name: 'leaf.jpg', mimeType: 'image/jpeg', buffer: await phonePhotoWithGps() })
    await report.getByRole('button', { name: '提交需求' }).click()
    await report.waitForURL(/\/consultations\/\d+$/)
    const consultation = await Consultation.query().where('reporter_id', officer.id).firstOrFail()
    const casePath = `/consultations/${consultation.id}`
    assert.isAtLeast(await report.getByRole('button', { name: '这个解决了我的问题' }).count(), 1)
    await report.getByRole('button', { name: '没有解决，请专家解答' }).click()
    await report.assertTextContains('main', '等待分派专家')

    // Triage (the worker's job) gives it to the county expert of 川粮油 and texts the link.
    assert.equal(await runQueued(TRIAGE_JOB), 1)
    assert.equal(await runQueued(ASSIGNMENT_SMS_JOB), 1)
    const sms = await SmsMessage.query().where('phone', expert.user.phone).firstOrFail()
    const link = new URL(/(https?:\/\/\S+)$/.exec(sms.body!)![1]).pathname

    // The expert answers from the link, without logging in.
    const linkPage = await expertPhone.visit(link)
    await linkPage.assertTextContains('main', '梭形的褐色病斑')
    await linkPage.getByLabel('解答', { exact: true }).fill('这是稻瘟病（叶瘟）。每亩用75%三环唑可湿性粉剂20克兑水喷雾，7天后再喷一次。')
    await linkPage.getByRole('button', { name: '提交解答' }).click()
    await linkPage.assertTextContains('.messages', '75%三环唑')

    // The reporter reads the answer and asks for a visit: the photo was not enough.
    const casePage = await reporterPhone.visit(casePath)
    await casePage.assertTextContains('.messages', '75%三环唑')
    await casePage.getByLabel('为什么需要专家上门？').fill('打药后还在扩散，想请专家到田里看看根部。')
    await casePage.getByRole('button', { name: '申请专家上门服务' }).click()
    await casePage.assertTextContains('main', '已提交上门服务申请')

    // The county centre dispatches the expert for tomorrow.
    const visits = await staffPhone.visit('/admin/visits')
    await visits.locator('tr', { hasText: `需求 ${consultation.id}` }).getByRole('link', { name: '处理' }).click()
    await visits.locator('#f-expert-id').selectOption(String(expert.id))
    await visits.locator('#f-scheduled-on').fill(DateTime.fromJSDate(clock.now()).plus({ days: 1 }).toISODate()!)
    await visits.getByLabel('上门地点').fill('大邑县安仁镇三村五组')
    await visits.getByRole('button', { name: '确认派出' }).click()
    await visits.assertTextContains('main', '已派专家上门')

    // The expert records the visit and the travel cost from the same link.
    const visitPage = await expertPhone.visit(link)
    await visitPage.getByLabel('服务结果').fill('现场查看为稻瘟病叶瘟，根系正常，已指导农户统防统治。')
    await visitPage.getByLabel('交通费（元）').fill('35.50')
    await visitPage.getByRole('button', { name: '提交服务结果' }).click()
    await visitPage.assertTextContains('main', '上门服务结果已记录')

    // The centre confirms the cost.
    const visit = await staffPhone.visit('/admin/visits?status=visited')
    await visit.locator('tr', { hasText: `需求 ${consultation.id}` }).getByRole('link', { name: '处理' }).click()
    await visit.assertTextContains('main', '35.50')
    await visit.getByRole('button', { name: '确认交通费' }).click()
    await visit.assertTextContains('main', '交通费已确认')

    // The reporter closes and rates.
    const closing = await reporterPhone.visit(casePath)
    const form = closing.locator(`#close-form-${consultation.id}`)
    await form.getByLabel('5 星').check()
    await form.getByRole('button', { name: '结案并提交评价' }).click()
    await closing.assertTextContains(`#close-form-${consultation.id}`, '已结案，感谢您的评价')

    // The centre phones back within the week and rules the service valid.
    const followup = await staffPhone.visit(`/admin/experts/followups/${consultation.id}`)
    await followup.getByLabel('已接通').check()
    await followup.getByLabel('服务有效').check()
    await followup.getByLabel('现场服务').check()
    await followup.getByRole('button', { name: '保存回访记录' }).click()
    await followup.assertTextContains('#followup-case', '回访已记录')

    await consultation.refresh()
    assert.equal(consultation.state, 'followed_up')
    assert.equal(consultation.rating, 5)
    const states = await ConsultationEvent.query().where('consultation_id', consultation.id).whereColumn('from_state', '<>', 'to_state').orderBy('id')
    assert.deepEqual(
      states.map((event) => event.toState),
      ['awaiting_triage', 'assigned', 'answering', 'visit_requested', 'visit_dispatched', 'visited', 'closed', 'followed_up']
    )
  })
})
