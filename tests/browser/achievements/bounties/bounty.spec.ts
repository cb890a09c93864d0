import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import type User from '#core/accounts/models/user'
import Bounty from '#modules/achievements/models/bounty'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { marketEntity } from '#tests/fixtures/achievements/listings'
import { newPhone, PHONE_VIEWPORT } from '#tests/browser/phone'

/*
 * 你发榜我抢单 on 360×640 phones, each person in their own browser: a cooperative posts a
 * bounty, a verified 川果 expert finds it on the board and grabs it (htmx swaps the panel),
 * and the cooperative picks them.
 */
test.group('Achievements / the bounty board on phones', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a market entity posts a bounty and an expert grabs it; the owner picks the expert', async ({ browser, assert, cleanup }) => {
    const entity = await marketEntity('510129', '大邑县丰收专合社')
    const { user: expert } = await makeExpert({ name: '李研究员', county: '510129', industries: ['fruit'] })
    const phone = async (user: User) => {
      const context = await newPhone(browser, { cleanup })
      await context.loginAs(user)
      return context
    }

    const owner = await (await phone(entity)).visit('/achievements/bounties/new')
    assert.isAtMost(await owner.locator('html').evaluate((html) => html.scrollWidth), PHONE_VIEWPORT.width)
    await owner.getByLabel('标题').fill('猕猴桃园冬季修剪上门指导')
    await owner.getByLabel('详细说明').fill('合作社 200 亩猕猴桃园需要专家上门指导冬季修剪和清园，约三天。')
    await owner.locator('#f-industry').selectOption('fruit')
    await owner.locator('#f-county_code').selectOption('510129')
    await owner.getByLabel('最低预算（元）').fill('3000')
    await owner.getByLabel('最高预算（元）').fill('6000')
    await owner.getByLabel('截止日期').fill(DateTime.now().setZone('Asia/Shanghai').plus({ days: 14 }).toISODate()!)
    await owner.getByRole('button', { name: '发榜' }).click()
    await owner.waitForURL(/\/achievements\/bounties\/\d+$/)
    await owner.getByText('已发榜，符合条件的专家可以抢单').waitFor()
    const bounty = await Bounty.findByOrFail('ownerId', entity.id)

    const grabber = await (await phone(expert)).visit('/achievements/bounties')
    await grabber.getByRole('link', { name: /猕猴桃园冬季修剪上门指导/ }).click()
    await grabber.waitForURL(`**/achievements/bounties/${bounty.id}`)
    await grabber.evaluate(() => ((globalThis as any).samePage = true))
    await grabber.getByLabel('抢单说明').fill('我在大邑做猕猴桃修剪指导十年，下周可以上门三天。')
    await grabber.getByRole('button', { name: '抢单', exact: true }).click()
    await grabber.getByText('已抢单，等待发榜方选定', { exact: true }).waitFor()
    assert.isTrue(await grabber.evaluate(() => (globalThis as any).samePage === true), 'the panel was swapped, not the page reloaded')
    assert.isAtMost(await grabber.locator('html').evaluate((html) => html.scrollWidth), PHONE_VIEWPORT.width)

    await owner.reload()
    await owner.getByRole('button', { name: '选定 李研究员' }).click()
    await owner.getByText('已选定专家，等待专家开始洽谈').first().waitFor()
    await bounty.refresh()
    assert.equal(bounty.status, 'claimed')
    await owner.screenshot({ path: 'tmp/screenshots/achievements_bounty.png', fullPage: true })
  })
})
