import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser, latestSmsCode } from '#tests/helpers'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { newPhone } from '#tests/browser/phone'

/*
 * 找专家 on a 360×640 phone: a farmer narrows the directory by industry and county
 * (with JavaScript the list is swapped in place by htmx; without it the form is a
 * plain GET) and opens an expert's page.
 */
test.group('找专家 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function directory() {
    const { expert } = await makeExpert({ name: '陈果农', county: '510131', industries: ['fruit', 'tea'], specialties: '猕猴桃溃疡病防治' })
    await makeExpert({ name: '张农技', county: '510129', industries: ['grain_oil', 'fruit'] })
    await makeExpert({ name: '邓柑橘', county: '511623', industries: ['fruit'] })
    await makeExpert({ name: '刘川猪', county: '510131', industries: ['pig'] })
    return expert
  }

  test('with JavaScript: industry, then city and county, narrow the list in place; the profile opens', async ({ browserContext, visit, assert }) => {
    const expert = await directory()
    await browserContext.loginAs(await createUser({ county: '510131' }))
    const page = await visit('/experts')
    await page.evaluate(() => ((globalThis as any).samePage = true))
    await page.assertElementsCount('.expert-list li', 4)

    await page.locator('#f-industry').selectOption('fruit')
    await page.assertElementsCount('.expert-list li', 3)
    await page.getByLabel('市（州）').selectOption('510100')
    await page.assertElementsCount('.expert-list li', 2)
    // The county list now holds 成都's 20 counties only (swapped in by htmx).
    await page.assertElementsCount('#f-county_code option', 21)
    await page.locator('#f-county_code').selectOption('510131')
    await page.assertElementsCount('.expert-list li', 1)
    await page.assertText('.expert-list strong', '陈果农')
    await page.assertQueryString({ industry: 'fruit', city: '510100', county_code: '510131', q: '', level: '' })
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'the list was swapped, not the page reloaded')

    await page.getByRole('link', { name: /陈果农/ }).click()
    await page.assertPath(`/experts/${expert.id}`)
    await page.assertTextContains('h1', '陈果农')
    await page.assertTextContains('main', '猕猴桃溃疡病防治')
    const ask = page.getByRole('link', { name: '向TA提问' })
    assert.equal(await ask.getAttribute('href'), `/consultations/new?expert=${expert.id}`)
    assert.isTrue(await ask.isVisible())
    // Nothing wider than the phone: no sideways scrolling (here, nor on the application form's 13 checkboxes).
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
    await page.goto('/experts/apply')
    await page.assertExists('input[name="other_industries[]"]')
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
  })

  test('向TA提问 without an account session: log in by SMS code and land on the report form addressed to that expert', async ({ visit, assert }) => {
    const expert = await directory()
    const farmer = await createUser({ county: '510131' })
    const page = await visit(`/experts/${expert.id}`)
    await page.getByRole('link', { name: '向TA提问' }).click()
    await page.assertPath('/login')
    await page.getByLabel('手机号').fill(farmer.phone)
    await page.getByRole('button', { name: '获取验证码' }).click()
    await page.assertTextContains('main', '验证码已发送')
    await page.getByLabel('短信验证码').fill(await latestSmsCode(farmer.phone))
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.waitForURL(`**/consultations/new?expert=${expert.id}`)
    await page.assertTextContains('main', '向 陈果农')
    assert.equal(await page.locator('input[name=expert]').inputValue(), String(expert.id))
  })

  test('without JavaScript: the filter form is a plain GET and the profile opens', async ({ browser, test: current }) => {
    const expert = await directory()
    const context = await newPhone(browser, current, { javaScript: false })
    const page = await context.visit('/experts')
    await page.locator('#f-industry').selectOption('fruit')
    await page.locator('#f-county_code').selectOption('510131')
    await page.getByRole('button', { name: '查找' }).click()
    await page.assertElementsCount('.expert-list li', 1)
    await page.getByRole('link', { name: /陈果农/ }).click()
    await page.assertPath(`/experts/${expert.id}`)
    await page.assertTextContains('h1', '陈果农')
  })
})
