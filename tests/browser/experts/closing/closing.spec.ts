import { mkdir } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import Consultation from '#modules/experts/models/consultation'
import { signCaseLink } from '#modules/experts/shared/case_links'
import { caseWithParties } from '#tests/fixtures/experts/visits'
import { newPhone, PHONE_VIEWPORT } from '#tests/browser/phone'

/*
 * 结案评价 on a 360×640 phone: the reporter closes an answered case from their case page
 * with htmx swapping the form in place; the farmer does the same from the SMS link page
 * with JavaScript off (plain form post and redirect).
 */

test.group('Closing / on a phone', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a reporter closes and rates from the case page', async ({ visit, browserContext, assert }) => {
    const { consultation, reporter } = await caseWithParties()
    await browserContext.loginAs(reporter)
    const page = await visit(`/consultations/${consultation.id}`)
    await page.evaluate(() => ((globalThis as any).samePage = true))

    const form = page.locator(`#close-form-${consultation.id}`)
    await form.scrollIntoViewIfNeeded()
    await page.assertVisible(`#close-form-${consultation.id}`)
    // Nothing wider than the phone: no sideways scrolling to reach the stars.
    assert.isAtMost(await page.locator('html').evaluate((html) => html.scrollWidth), PHONE_VIEWPORT.width)

    // Without a rating the server's Chinese message lands in the form's error box (htmx 422).
    await form.getByRole('button', { name: '结案并提交评价' }).click()
    await page.assertTextContains(`#close-errors-${consultation.id}`, '请选择 1～5 星评分')
    assert.equal((await Consultation.findOrFail(consultation.id)).state, 'answering')

    await form.getByLabel('4 星').check()
    await form.getByLabel('评价（选填，最多 500 字）').fill('讲得明白，打药后好多了')
    await mkdir(app.tmpPath('screenshots'), { recursive: true })
    await page.screenshot({ path: app.tmpPath('screenshots/close_and_rate.png') })
    await form.getByRole('button', { name: '结案并提交评价' }).click()

    await page.assertTextContains(`#close-form-${consultation.id}`, '已结案，感谢您的评价')
    await page.assertTextContains(`#close-form-${consultation.id}`, '4 星')
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'swapped in place, no reload')
    const closed = await Consultation.findOrFail(consultation.id)
    assert.equal(closed.state, 'closed')
    assert.equal(closed.rating, 4)
    assert.equal(closed.ratingComment, '讲得明白，打药后好多了')
  })

  test('the farmer closes and rates from the SMS link with JavaScript off', async ({ browser, assert, cleanup }) => {
    const { consultation } = await caseWithParties('answering', { farmerPhone: '13600000009' })
    const context = await newPhone(browser, { cleanup }, { javaScript: false })
    const link = `/f/${consultation.id}/${signCaseLink(Number(consultation.id), 'farmer', 0)}`
    const page = await context.newPage()
    await page.goto(link)

    const form = page.locator(`#close-form-${consultation.id}`)
    // 问题解决了吗？ sits under the answer; 解决了，去评价 leads to the stars.
    await page.getByRole('link', { name: '解决了，去评价' }).click()
    assert.equal(new URL(page.url()).hash, `#rating-${consultation.id}`)
    // Sent without stars: the page (not the home page) comes back, at the form, with the message.
    await form.getByRole('button', { name: '结案并提交评价' }).click()
    await page.waitForURL((url) => url.pathname === link && url.hash === `#close-form-${consultation.id}`)
    assert.include(await form.innerText(), '请选择 1～5 星评分')
    await form.getByLabel('5 星').check()
    await form.getByRole('button', { name: '结案并提交评价' }).click()
    await page.waitForURL((url) => url.pathname === link)
    assert.include(await page.locator('main').innerText(), '已结案，感谢您的评价')
    assert.include(await form.innerText(), '5 星')
    const closed = await Consultation.findOrFail(consultation.id)
    assert.equal(closed.state, 'closed')
    assert.equal(closed.rating, 5)
  })
})
