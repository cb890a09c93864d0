import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import { farmer, staffOf } from '#tests/fixtures/experts/consultations'
import { publishedEntry } from '#tests/fixtures/experts/knowledge'

/*
 * 农技知识库 on a 360×640 phone: 找类似 on 报需求 offers an entry first; a visitor, not signed in, searches and opens an entry; the county's centre staff withdraw it behind the
 * confirmation page, and the visitor's link then answers 404.
 */
test.group('Knowledge base in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('typing a symptom on 报需求 shows the knowledge entry within the debounce, marked, and it opens', async ({ browserContext, visit, assert }) => {
    const { entry } = await publishedEntry({ county: '510129' })
    await browserContext.loginAs(await farmer('510129'))
    const page = await visit('/consultations/new')
    await page.getByLabel('问题描述').pressSequentially('水稻叶子上好多梭形褐色病斑中间灰白', { delay: 20 })
    const first = page.locator('#similar-cases li').first()
    await first.waitFor()
    await page.assertTextContains('#similar-cases li:first-child', '农技知识库 · 回访核实有效')
    assert.equal(await first.getByRole('link', { name: '查看解答' }).getAttribute('href'), `/knowledge/${entry.id}`)
    const [opened] = await Promise.all([page.context().waitForEvent('page'), first.getByRole('link', { name: '查看解答' }).click()])
    await opened.waitForLoadState()
    assert.equal(new URL(opened.url()).pathname, `/knowledge/${entry.id}`)
    assert.include(await opened.locator('h1').innerText(), entry.title)
  })

  test('a visitor searches, opens an entry; no name or phone on the page', async ({ visit, assert }) => {
    const { entry } = await publishedEntry()
    await publishedEntry({ industry: 'tea', text: '茶树叶片上出现红褐色圆形病斑，新梢枯死，怎么治？', answer: '这是茶饼病，用多菌灵喷雾防治，注意排水。' })

    const page = await visit('/knowledge')
    await page.assertTitle('农技知识库 - 四川乡村振兴科技在线')
    await page.getByLabel('搜索').fill('三环唑')
    await page.getByRole('button', { name: '查找' }).click()
    await page.assertTextContains('#knowledge-list', entry.title)
    await page.assertNotExists('#knowledge-list li:nth-child(2)')
    await page.getByRole('link', { name: new RegExp(entry.title.slice(0, 8)) }).click()
    await page.assertPath(`/knowledge/${entry.id}`)
    await page.assertTextContains('h1', entry.title)
    const text = await page.locator('body').innerText()
    for (const hidden of ['王大田', '李信息', '13800001111', '13912345678']) assert.notInclude(text, hidden)
    assert.isAtMost(await page.locator('html').evaluate((html) => html.scrollWidth), 360, 'no sideways scrolling')
  })

  test('centre staff withdraw an entry after the confirmation page; it is gone for the public', async ({ browserContext, visit, assert }) => {
    const { entry } = await publishedEntry()
    await browserContext.loginAs(await staffOf('510104'))
    const page = await visit(`/knowledge/${entry.id}`)
    await page.getByRole('link', { name: '撤下' }).click()
    await page.assertPath(`/knowledge/${entry.id}/withdraw`)
    await page.getByRole('button', { name: '确认撤下' }).click()
    await page.assertTextContains('#knowledge-withdraw', '请填写撤下原因')
    await page.getByLabel('撤下原因').fill('与另一条重复')
    await page.getByRole('button', { name: '确认撤下' }).click()
    await page.assertTextContains('#knowledge-withdraw', '已撤下该条目')
    const gone = await page.goto(`/knowledge/${entry.id}`)
    if (gone?.status() !== 404) throw new Error(`withdrawn entry answered ${gone?.status()}`)
    assert.equal((await KnowledgeEntry.findOrFail(entry.id)).state, 'withdrawn')
  })
})
