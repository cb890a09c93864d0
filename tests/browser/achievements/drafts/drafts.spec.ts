import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import DemandDraft from '#modules/achievements/models/demand_draft'
import TechDemand from '#modules/achievements/models/tech_demand'
import { proposeDemandDrafts } from '#modules/achievements/drafts/draft_actions'
import { centreStaff } from '#tests/fixtures/achievements/platforms'
import { KIWI_CANKER, makeCases } from '#tests/fixtures/achievements/drafts'
import { newPhone, PHONE_VIEWPORT } from '#tests/browser/phone'

/*
 * 需求草稿 on a 360×640 phone: the county centre finds two drafts from its farmers' repeated
 * questions, dismisses one (htmx swaps it for the status line) and publishes the other,
 * edited, as its 技术需求.
 */
test.group('Achievements / draft demands on phones', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the centre dismisses one draft and publishes the other as its demand', async ({ browser, assert, cleanup }) => {
    await makeCases(KIWI_CANKER)
    await makeCases(['茶园小绿叶蝉危害严重，新梢卷曲发黄，色板诱杀效果不好怎么办？', '茶树小绿叶蝉太多了，芽叶卷曲，用色板诱杀还是不行', '今年茶园小绿叶蝉爆发，新梢都卷了，有没有好的防治办法？'], '510104', 'tea')
    const drafts = await proposeDemandDrafts()
    assert.lengthOf(drafts, 2)
    const [kiwi, tea] = [drafts.find((draft) => draft.industry === 'fruit')!, drafts.find((draft) => draft.industry === 'tea')!]
    const context = await newPhone(browser, { cleanup })
    await context.loginAs(await centreStaff('510104'))
    const page = await context.visit('/admin/achievements/drafts')
    assert.isAtMost(await page.locator('html').evaluate((html) => html.scrollWidth), PHONE_VIEWPORT.width)

    await page.locator(`#draft-${tea.id}`).getByRole('button', { name: '不采用' }).click()
    await page.getByText('已不采用这份草稿').waitFor()
    assert.equal((await DemandDraft.findOrFail(tea.id)).status, 'dismissed')

    await page.locator(`#draft-${kiwi.id}`).getByRole('link', { name: '编辑并发布' }).click()
    await page.waitForURL(`**/admin/achievements/drafts/${kiwi.id}`)
    await page.getByLabel('标题').fill('猕猴桃溃疡病综合防治技术')
    await page.getByRole('button', { name: '发布' }).click()
    await page.waitForURL(/\/achievements\/demands\/\d+$/)
    await page.getByRole('heading', { name: '猕猴桃溃疡病综合防治技术' }).waitFor()
    assert.equal((await TechDemand.findByOrFail('title', '猕猴桃溃疡病综合防治技术')).countyCode, '510104')
    assert.equal((await DemandDraft.findOrFail(kiwi.id)).status, 'published')
  })
})
