import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEntry from '#core/audit/audit_entry'
import Consultation from '#modules/experts/models/consultation'
import FollowupCall from '#modules/experts/models/followup_call'
import { createUser } from '#tests/helpers'
import { newPhone } from '#tests/browser/phone'
import { makeCase, staffOf } from '#tests/fixtures/experts/consultations'

/*
 * 回访 on a 360×640 phone: the centre's staff member opens the queue, reveals the
 * farmer's number (audited), records an unanswered call, then the answered one.
 */
test.group('Follow-up in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('centre staff record a follow-up: reveal the number, an unanswered call, then the ruling', async ({ browserContext, visit, assert }) => {
    const staff = await staffOf()
    const officer = await createUser({ county: '510104', roles: ['info_officer'], name: '李信息员' })
    const consultation = await makeCase({ reporter: officer, state: 'closed', farmer: { name: '王大爷', phone: '13900000001' } })
    await browserContext.loginAs(staff)

    const page = await visit('/admin/experts/followups')
    await page.getByRole('link', { name: new RegExp(`案件编号 ${consultation.id}`) }).click()
    await page.assertPath(`/admin/experts/followups/${consultation.id}`)
    await page.evaluate(() => ((globalThis as any).samePage = true))

    await page.assertTextContains('#phone-farmer', '139****0001')
    await page.locator('#phone-farmer').getByRole('button', { name: '显示号码' }).click()
    await page.assertExists('#phone-farmer a[href="tel:13900000001"]')
    assert.lengthOf(await AuditEntry.query().where({ action: 'experts.phone_reveal', actor_id: staff.id }), 1)

    // Nobody answers: the call is kept, the case stays in the queue.
    await page.getByLabel('未接通').check()
    await page.getByLabel('备注').fill('无人接听')
    await page.getByRole('button', { name: '保存回访记录' }).click()
    await page.assertTextContains('#followup-case', '已记录未接通，可稍后再次回访')
    await page.assertTextContains('.followup-calls', '无人接听')

    // The retry reaches the farmer: a missing choice is answered in Chinese in place first.
    await page.getByLabel('已接通').check()
    await page.getByRole('button', { name: '保存回访记录' }).click()
    await page.assertTextContains('#call-errors', '请选择服务是否有效')
    await page.getByLabel('服务有效').check()
    await page.getByLabel('病虫害诊断').check()
    await page.getByRole('button', { name: '保存回访记录' }).click()
    await page.assertTextContains('#followup-case', '回访已记录')
    await page.assertTextContains('#followup-case', '已回访')
    await page.assertNotExists('#followup-case form[action$="/calls"]')
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'no page reload')

    assert.equal((await Consultation.findOrFail(consultation.id)).state, 'followed_up')
    const calls = await FollowupCall.query().where('consultation_id', consultation.id).orderBy('id')
    assert.deepEqual(calls.map((call) => [call.reached, call.serviceValid, call.category]), [[false, null, null], [true, true, 'diagnosis']])
  })

  test('without JavaScript the same call is a plain form post back to the queue', async ({ browser, test: current, assert }) => {
    const staff = await staffOf()
    const consultation = await makeCase({ reporter: await createUser({ county: '510104', roles: ['info_officer'] }), state: 'closed' })
    const context = await newPhone(browser, current, { javaScript: false })
    await context.loginAs(staff)
    const page = await context.visit(`/admin/experts/followups/${consultation.id}`)
    await page.getByLabel('已接通').check()
    await page.getByLabel('服务无效').check()
    await page.getByLabel('政策咨询').check()
    await page.getByRole('button', { name: '保存回访记录' }).click()
    await page.assertPath('/admin/experts/followups')
    await page.assertTextContains('.flash', '回访已记录')
    assert.equal((await Consultation.findOrFail(consultation.id)).state, 'followed_up')
  })
})
