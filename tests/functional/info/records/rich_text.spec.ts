import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import IndustryRecord from '#modules/info/models/industry_record'
import { submitRecord } from '#modules/info/records/record_actions'
import { checklistOf, reviewRecord, signOffRecord } from '#modules/info/reviews/review_actions'
import { submitForm, submitHtmxForm } from '#tests/helpers'
import { infoStaff, recordForm } from '#tests/fixtures/info/records'

const mine = (user: { id: number }) => IndustryRecord.query().where('author_id', user.id)

/** A body with every kind of allowed formatting and the usual attacks mixed in. */
const HOSTILE_BODY =
  '<h1>锦江区柑橘产业现状</h1><p style="color:red" onclick="steal()">全区柑橘种植面积约<b>一万亩</b>，主栽品种为春见和不知火。</p>' +
  '<script>fetch("/profile")</script><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>' +
  '<ul><li>水肥一体化</li><li>绿色防控</li></ul>' +
  '<table><tr><th>年份</th><th>产量</th></tr><tr><td>2026</td><td>脐橙一点二万吨</td></tr></table>' +
  '<p><a href="javascript:alert(1)">恶意链接</a> <a href="https://www.sc.gov.cn/" target="_blank">四川省人民政府</a></p>' +
  '<svg onload=alert(1)><text>svg</text></svg>'

const CLEAN_BODY =
  '<h2>锦江区柑橘产业现状</h2><p>全区柑橘种植面积约<strong>一万亩</strong>，主栽品种为春见和不知火。</p>' +
  '<ul><li>水肥一体化</li><li>绿色防控</li></ul>' +
  '<table><tr><th>年份</th><th>产量</th></tr><tr><td>2026</td><td>脐橙一点二万吨</td></tr></table>' +
  '<p>恶意链接 <a href="https://www.sc.gov.cn/" rel="nofollow noopener noreferrer">四川省人民政府</a></p>'

/** The rendered body: from its container to the container's end. */
const bodyOf = (html: string) => html.split('<div class="record-body rich-text">')[1].split('</div>')[0]

const ATTACKS = /<script|onerror|onclick|onload|javascript:|style=|<iframe|<svg|<img|target=/i

test.group('Info / records: rich text body', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no-JS post: the body is stored cleaned to the safe subset, and the draft page shows that formatting', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    ;(await submitForm(client, '/info/records', recordForm({ body: HOSTILE_BODY }), author)).assertStatus(302)
    const record = await mine(author).firstOrFail()
    assert.equal(record.body, CLEAN_BODY)
    const page = await client.get(`/info/records/${record.id}`).loginAs(author)
    page.assertStatus(200)
    assert.include(page.text(), '<strong>一万亩</strong>')
    assert.include(page.text(), '<td>脐橙一点二万吨</td>')
    assert.notMatch(bodyOf(page.text()), ATTACKS)
  })

  test('htmx post stores the same clean body; editing shows the stored HTML escaped in the textarea', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const response = await submitHtmxForm(client, '/info/records', recordForm({ body: HOSTILE_BODY }), author)
    assert.isBelow(response.status(), 400)
    const record = await mine(author).firstOrFail()
    assert.equal(record.body, CLEAN_BODY)
    const edit = await client.get(`/info/records/${record.id}/edit`).loginAs(author)
    edit.assertStatus(200)
    assert.include(edit.text(), '&lt;strong&gt;一万亩&lt;/strong&gt;')
  })

  test('text typed without tags (no toolbar, no JS) becomes paragraphs', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    await submitForm(client, '/info/records', recordForm({ body: '第一段：柑橘面积一万亩，温度<5℃时注意防冻。\n\n第二段：推广水肥一体化。' }), author)
    const record = await mine(author).firstOrFail()
    assert.equal(record.body, '<p>第一段：柑橘面积一万亩，温度&lt;5℃时注意防冻。</p><p>第二段：推广水肥一体化。</p>')
  })

  test('once published, the public page renders the clean body and the text index holds its words (a table cell is found)', async ({ client, assert }) => {
    const [author, reviewer, signer] = [await infoStaff('510104'), await infoStaff('510104'), await infoStaff('510104')]
    await submitForm(client, '/info/records', recordForm({ body: HOSTILE_BODY }), author)
    const record = await mine(author).firstOrFail()
    await submitRecord({ actor: author, ip: null }, record.id)
    await reviewRecord({ actor: reviewer, ip: null }, record.id, checklistOf({}))
    await signOffRecord({ actor: signer, ip: null }, record.id)

    const page = await client.get(`/info/${record.id}`)
    page.assertStatus(200)
    assert.include(page.text(), '<h2>锦江区柑橘产业现状</h2>')
    assert.include(page.text(), '<a href="https://www.sc.gov.cn/" rel="nofollow noopener noreferrer">四川省人民政府</a>')
    assert.notMatch(bodyOf(page.text()), ATTACKS)

    const found = await client.get(`/info?q=${encodeURIComponent('脐橙')}`)
    assert.include(found.text(), `/info/${record.id}`)
    // Markup is not text: a tag name finds nothing.
    const tag = await client.get(`/info?q=${encodeURIComponent('strong')}`)
    assert.notInclude(tag.text(), `/info/${record.id}"`)
  })
})
