import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makePlatform } from '#tests/fixtures/achievements/platforms'
import { newPhone, PHONE_VIEWPORT } from '#tests/browser/phone'

/* 农村双创平台 on a 360×640 phone: the map renders within the screen and a county opens its list — also without JavaScript. */
test.group('Achievements / the platform map on phones', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const javaScript of [true, false]) {
    test(`the map fits the phone and a county link opens its list (${javaScript ? 'with' : 'without'} JavaScript)`, async ({ browser, assert, cleanup }) => {
      await makePlatform({ county: '510129', name: '大邑县星创天地' })
      const page = await (await newPhone(browser, { cleanup }, { javaScript })).newPage()
      await page.goto('/achievements/platforms/map')
      const box = await page.locator('.county-map > svg').boundingBox()
      assert.isAbove(box!.width, 280, 'the map takes the card width')
      assert.isAtMost(box!.x + box!.width, PHONE_VIEWPORT.width)
      assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), PHONE_VIEWPORT.width)
      await page.getByText('示意图', { exact: true }).waitFor()
      await page.locator('svg a[href="/achievements/platforms/counties/510129"]').click()
      await page.waitForURL('**/achievements/platforms/counties/510129')
      await page.getByRole('heading', { name: '成都市 大邑县的双创平台' }).waitFor()
      assert.include(await page.locator('main').innerText(), '大邑县星创天地')
    })
  }
})
