import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { BEIJING, clock } from '#core/clock'
import { refreshCaseFacts } from '#modules/experts/public'
import { makeCase } from '#tests/fixtures/experts/consultations'
import { chengduAdmin, makeCentre } from '#tests/fixtures/admin/centres'
import { newPhone } from '#tests/browser/phone'

/*
 * 考核 on a 360×640 phone (issue 18 §3): a city admin computes last month's scores (htmx),
 * reads the ranking inside the phone's width, publishes a 通报, and a guest reads it.
 */
test.group('考核与通报 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a city admin computes and ranks last month, publishes a 通报; a guest reads it on /notices', async ({ browser, browserContext, visit, assert, cleanup }) => {
    await db.from('experts_statistics_snapshots').delete()
    const month = DateTime.fromJSDate(clock.now()).setZone(BEIJING).minus({ months: 1 }).startOf('month')
    for (const day of [3, 6]) await makeCase({ county: '510104', state: 'followed_up', submittedAt: month.plus({ days: day }), rating: 5, valid: true })
    await refreshCaseFacts()
    await makeCentre('510104', { name: '锦江区运管中心' })
    await makeCentre('510105', { name: '青羊区运管中心' })
    await browserContext.loginAs(await chengduAdmin())
    const page = await visit('/admin/evaluations')
    await page.assertTextContains('#ranking', '这一期还没有评分')
    await page.evaluate(() => ((globalThis as any).samePage = true))
    await page.getByRole('button', { name: /计算 .* 评分/ }).click()
    await page.locator('#evaluation-ranking').waitFor()
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'the ranking was swapped in')
    assert.match(await page.locator('#evaluation-ranking tbody tr').first().innerText(), /1\s+锦江区运管中心/)
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)

    await page.getByLabel('通报正文').fill('锦江区运管中心按时分诊、按时回访，予以通报表扬。')
    await page.getByRole('button', { name: '发布通报' }).click()
    await page.assertTextContains('main', '通报已发布')
    await page.assertTextContains('#notice-centres', '锦江区运管中心')

    const guest = await (await newPhone(browser, { cleanup })).newPage()
    await guest.goto('/notices')
    await guest.getByRole('link', { name: /运管中心考核通报/ }).click()
    await guest.locator('#notice-centres').waitFor()
    assert.include(await guest.locator('#notice-centres').innerText(), '锦江区运管中心')
    assert.isAtMost(await guest.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
  })
})
