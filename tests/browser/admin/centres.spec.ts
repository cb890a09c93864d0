import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { clock } from '#core/clock'
import { refreshCaseFacts } from '#modules/experts/public'
import { createUser } from '#tests/helpers'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { makeCase } from '#tests/fixtures/experts/consultations'
import { chengduAdmin, makeCentre } from '#tests/fixtures/admin/centres'
import { newPhone } from '#tests/browser/phone'

/*
 * The management centre on a 360×640 phone (issue 18): the dashboard draws its county map
 * without a JavaScript error, and a county centre fills its 六有 checklist with a photo that
 * the city above then approves.
 */
test.group('管理中心 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("a city admin's dashboard renders with the county map and no JavaScript errors", async ({ browserContext, visit, assert }) => {
    // The figures from these two cases alone, whatever earlier suites left: facts and rollups rebuilt inside this test's transaction.
    await db.from('experts_statistics_snapshots').delete()
    await db.from('experts_case_facts').delete()
    await db.from('experts_case_facts_progress').update({ last_case_id: 0, last_event_id: 0, rollups_built: false })
    const now = DateTime.fromJSDate(clock.now())
    for (const days of [1, 2]) {
      await makeCase({ reporter: await createUser({ county: '510104' }), county: '510104', industry: 'tea', submittedAt: now.minus({ days }), state: 'resolved_by_similar' })
    }
    await refreshCaseFacts()
    await browserContext.loginAs(await chengduAdmin())
    const errors: string[] = []
    browserContext.on('page', (page) => {
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    })
    const page = await visit('/admin/dashboard')
    await page.locator('figure.county-map svg path').first().waitFor()
    assert.isAbove(await page.locator('figure.county-map svg path').count(), 100, 'every county is drawn')
    await page.assertTextContains('#dash-cases', '2')
    await page.locator('#d-period').selectOption('month')
    await page.getByRole('button', { name: '查看' }).click()
    await page.waitForURL(/period=month/)
    await page.getByRole('img', { name: '成都市各县咨询量示意图' }).waitFor()
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
    assert.deepEqual(errors, [])
  })

  test('a county centre fills 有场所 with a photo; the city approves it', async ({ browser, browserContext, visit, assert, cleanup }) => {
    const centre = await makeCentre('510104', { name: '锦江区运管中心' })
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' }, name: '周专员' })
    await browserContext.loginAs(staff)
    const page = await visit('/admin/centres')
    await page.getByRole('link', { name: '锦江区运管中心' }).click()
    await page.assertTextContains('#checklist-progress', '六有已通过 0/6')
    await page.getByRole('link', { name: '有场所' }).click()
    await page.getByLabel('具体情况').fill('办公室 80 平方米，位于区政府二楼')
    await page.locator('#f-photos').setInputFiles({ name: 'office.jpg', mimeType: 'image/jpeg', buffer: await smallPhoto({ width: 800, height: 600 }) })
    await page.assertElementsCount('[data-picker-thumbs] li', 1)
    await page.getByRole('button', { name: '提交审核' }).click()
    await page.assertTextContains('main', '“有场所”已提交，等待上一级审核')
    await page.assertTextContains('#item-state', '待审核')
    await page.assertExists('#item-photos img')
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)

    const cityPhone = await newPhone(browser, { cleanup })
    await cityPhone.loginAs(await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '5101' } }))
    const city = await cityPhone.newPage()
    await city.goto(`/admin/centres/${centre.id}/items/premises`)
    await city.getByRole('button', { name: '通过' }).click()
    await city.getByText('“有场所”已通过').waitFor()
    await city.goto(`/admin/centres/${centre.id}`)
    assert.include(await city.locator('#checklist-progress').innerText(), '六有已通过 1/6')
  })
})
