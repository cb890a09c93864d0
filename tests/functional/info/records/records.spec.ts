import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import IndustryRecord from '#modules/info/models/industry_record'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { BAD_CREDIT_CODE, CREDIT_CODE, enterpriseForm, infoStaff, recordForm, recordIn } from '#tests/fixtures/info/records'
import { tripBreaker } from '#core/moderation/breakers'
import { actingAs } from '#core/accounts/acting'
import { addWord } from '#core/moderation/word_list'
import { RegionScope } from '#core/regions/region_scope'

const mine = (user: { id: number }) => IndustryRecord.query().where('author_id', user.id)

test.group('Info / records: writing and submitting', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the pages need a signed-in centre member: guests go to login, a farmer gets 403', async ({ client }) => {
    assertRedirect(await client.get('/info/records/new').redirects(0), '/login')
    const farmer = await createUser()
    ;(await client.get('/info/records').loginAs(farmer)).assertStatus(403)
    ;(await submitForm(client, '/info/records', recordForm(), farmer)).assertStatus(403)
  })

  test('the form page: kind, category, the industry and region pickers, the body with its formatting toolbar', async ({ client, assert }) => {
    const response = await client.get('/info/records/new').loginAs(await infoStaff())
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html')
    assert.include(html, '新建产业信息')
    assert.match(html, /<form method="POST" action="\/info\/records"/)
    assert.include(html, '<option value="leading_enterprise" >龙头企业</option>')
    assert.include(html, '地方特色产业')
    assert.include(html, '<optgroup label="十大优势特色产业">')
    assert.include(html, 'data-region-city="f-county_code"')
    assert.include(html, 'name="city_code"')
    assert.include(html, '权属单位')
    assert.include(html, 'data-rich-toolbar="f-body" hidden')
    assert.match(html, /<textarea id="f-body" name="body"/)
  })

  test('no-JS post: a draft of the county, main industry first, history and audit; then the author submits it', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const response = await submitForm(client, '/info/records', recordForm(), author)
    const record = await mine(author).firstOrFail()
    assertRedirect(response, `/info/records/${record.id}`)
    response.assertFlashMessage('success', '已保存为草稿，确认无误后请提交审核')
    assert.equal(record.status, 'draft')
    assert.equal(record.regionCode, '510104')
    assert.deepEqual(record.industries, ['fruit', 'vegetable'])
    assert.equal(record.validFrom.toISODate(), '2026-01-01')

    const page = await client.get(`/info/records/${record.id}`).loginAs(author)
    page.assertStatus(200)
    page.assertTextIncludes('草稿')
    page.assertTextIncludes('提交审核')
    page.assertTextIncludes('<p>近年来推广水肥一体化，亩产提高一成。</p>')

    const submitted = await submitForm(client, `/info/records/${record.id}/submit`, {}, author)
    assertRedirect(submitted, `/info/records/${record.id}`)
    await record.refresh()
    assert.equal(record.status, 'submitted')
    const events = await db.from('info_record_events').where('record_id', record.id).orderBy('id')
    assert.deepEqual(events.map((event) => event.action), ['created', 'submitted'])
    const audited = await db.from('audit_log').where({ subject_type: 'info.record', subject_id: String(record.id) }).orderBy('id')
    assert.deepEqual(audited.map((row) => row.action), ['info.record_created', 'info.record_submitted'])
    assert.equal(audited[1].county_code, '510104')

    // Submitting twice, or changing a record under review, is refused with a Chinese message.
    const again = await submitForm(client, `/info/records/${record.id}/submit`, {}, author)
    assert.deepEqual(fieldErrors(again, 'form'), ['这条信息已在审核或已发布，不能修改或重复提交'])
    const changed = await submitForm(client, `/info/records/${record.id}`, recordForm({ title: '改过的标题内容' }), author)
    assert.deepEqual(fieldErrors(changed, 'form'), ['这条信息已在审核或已发布，不能修改或重复提交'])
    ;(await client.get(`/info/records/${record.id}/edit`).loginAs(author).redirects(0)).assertStatus(302)
  })

  test('htmx submit: the record panel comes back with its new status; an htmx refusal is a 422 into the panel box', async ({ client, assert }) => {
    const { record, author } = await recordIn('draft')
    const response = await submitHtmxForm(client, `/info/records/${record.id}/submit`, {}, author)
    response.assertStatus(200)
    assert.include(response.text(), `id="record-${record.id}"`)
    assert.include(response.text(), '已提交审核')
    assert.include(response.text(), '待审核')
    assert.notInclude(response.text(), '<html')
    const again = await submitHtmxForm(client, `/info/records/${record.id}/submit`, {}, author)
    again.assertStatus(422)
    again.assertHeader('hx-retarget', `#record-${record.id}-errors`)
    assert.include(again.text(), '不能修改或重复提交')
  })

  test('my records: the list page, its htmx fragment and the empty state', async ({ client, assert }) => {
    const { author } = await recordIn('draft', { title: '锦江区蔬菜产业现状' })
    const page = await client.get('/info/records').loginAs(author)
    page.assertStatus(200)
    assert.include(page.text(), '锦江区蔬菜产业现状')
    assert.include(page.text(), '<html')
    const fragment = await client.get('/info/records?page=1').header('HX-Request', 'true').loginAs(author)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '锦江区蔬菜产业现状')
    const empty = await client.get('/info/records').loginAs(await infoStaff('510105'))
    assert.include(empty.text(), '还没有写过产业信息。')
  })

  test('the author edits a draft (no-JS post); nobody else may, and staff of another county learn nothing (404)', async ({ client, assert }) => {
    const { record, author, reviewer: colleague } = await recordIn('draft')
    const edit = await client.get(`/info/records/${record.id}/edit`).loginAs(author)
    edit.assertStatus(200)
    assert.include(edit.text(), 'value="锦江区柑橘产业发展现状"')
    assertRedirect(await submitForm(client, `/info/records/${record.id}`, recordForm({ title: '锦江区柑橘产业现状（修订）' }), author), `/info/records/${record.id}`)
    await record.refresh()
    assert.equal(record.title, '锦江区柑橘产业现状（修订）')

    ;(await client.get(`/info/records/${record.id}/edit`).loginAs(colleague)).assertStatus(403)
    ;(await submitForm(client, `/info/records/${record.id}/submit`, {}, colleague)).assertStatus(403)
    const other = await infoStaff('510105')
    ;(await client.get(`/info/records/${record.id}`).loginAs(other)).assertStatus(404)
    ;(await client.get(`/info/records/${record.id}/edit`).loginAs(other)).assertStatus(404)
    ;(await submitForm(client, `/info/records/${record.id}`, recordForm(), other)).assertStatus(404)
    const list = await client.get('/info/records').loginAs(other)
    assert.notInclude(list.text(), '锦江区柑橘产业')
  })

  test('the region must be in the writer\'s scope, and fit the category; bad fields get Chinese messages and nothing is stored', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const outside = await submitForm(client, '/info/records', recordForm({ county_code: '510105' }), author)
    assert.deepEqual(fieldErrors(outside, 'county_code'), ['只能为您管辖范围内的地区撰写、提交产业信息'])
    const city = await submitForm(client, '/info/records', recordForm({ county_code: '' }), author)
    assert.deepEqual(fieldErrors(city, 'county_code'), ['只能为您管辖范围内的地区撰写、提交产业信息'], 'a city record needs city staff')
    const macro = await submitForm(client, '/info/records', recordForm({ category: 'macro' }), author)
    assert.deepEqual(fieldErrors(macro, 'category'), ['宏观产业资讯面向全省，请不要选择市或区县'])
    // Markup is no text: what is left once the script and the image are cleaned away is too short.
    const tags = await submitForm(client, '/info/records', recordForm({ body: '<script>alert("锦江区柑橘产业很好，面积一万亩以上")</script><p><img src=x onerror=alert(1)>很好</p>' }), author)
    assert.deepEqual(fieldErrors(tags, 'body'), ['正文至少 20 个字（不算格式）'])
    const dates = await submitForm(client, '/info/records', recordForm({ valid_to: '2025-01-01' }), author)
    assert.deepEqual(fieldErrors(dates, 'valid_to'), ['有效期止不能早于有效期起'])
    const empty = await submitForm(client, '/info/records', { kind: '', category: '', industry: '', title: '', body: '', ip_owner: '', valid_from: '' }, author)
    assert.deepEqual(fieldErrors(empty, 'kind'), ['请选择信息类型'])
    assert.deepEqual(fieldErrors(empty, 'ip_owner'), ['请填写权属单位'])
    assert.deepEqual(fieldErrors(empty, 'industry'), ['请选择主要产业'])
    const unknown = await submitForm(client, '/info/records', recordForm({ industry: 'durian', county_code: '999999' }), author)
    assert.deepEqual(fieldErrors(unknown, 'industry'), ['请从列表中选择主要产业'])
    assert.isNotEmpty(fieldErrors(unknown, 'county_code'))
    assert.isNull(await mine(author).first())

    const cityStaff = await infoStaff('5101')
    const cityRecord = await submitForm(client, '/info/records', recordForm({ county_code: '' }), cityStaff)
    const stored = await mine(cityStaff).firstOrFail()
    assertRedirect(cityRecord, `/info/records/${stored.id}`)
    assert.equal(stored.regionCode, '510100', 'only a city chosen: the city\'s record')
  })

  test('content safety on submit: a tripped breaker of the county holds submissions (the draft stays), a province record is not held by it', async ({ client, assert }) => {
    const { record, author } = await recordIn('draft')
    const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    await tripBreaker(await actingAs(admin, null), { module: 'info', scope: RegionScope.fromPrefix('510104'), reason: '集中违规' })
    const held = await submitForm(client, `/info/records/${record.id}/submit`, {}, author)
    assert.deepEqual(fieldErrors(held, 'form'), ['本地区的产业信息提交已暂停（安全熔断），草稿已保存，请稍后再提交'])
    await record.refresh()
    assert.equal(record.status, 'draft')
    const province = await recordIn('draft', { region: '510000' })
    assertRedirect(await submitForm(client, `/info/records/${province.record.id}/submit`, {}, province.author), `/info/records/${province.record.id}`)
  })
})

test.group('Info / records: 龙头企业 and 技术依托单位', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the organisation\'s fields are stored and shown; the credit code is capitalised; an invalid one is refused in Chinese', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const bad = await submitForm(client, '/info/records', enterpriseForm({ credit_code: BAD_CREDIT_CODE }), author)
    assert.deepEqual(fieldErrors(bad, 'credit_code'), ['统一社会信用代码不正确，请核对营业执照上的 18 位代码'])
    const missing = await submitForm(client, '/info/records', enterpriseForm({ entity_name: '', credit_code: '' }), author)
    assert.deepEqual(fieldErrors(missing, 'entity_name'), ['龙头企业和技术依托单位请填写单位名称'])
    assert.deepEqual(fieldErrors(missing, 'credit_code'), ['龙头企业和技术依托单位请填写统一社会信用代码'])
    assert.isNull(await mine(author).first(), 'nothing half-stored')

    await submitForm(client, '/info/records', enterpriseForm({ credit_code: ` ${CREDIT_CODE.toLowerCase()} ` }), author)
    const record = await mine(author).firstOrFail()
    assert.equal(record.creditCode, CREDIT_CODE)
    assert.equal(record.entityName, '成都锦江柑橘产业有限公司')
    assert.equal(record.entityCountyCode, '510104')
    const page = await client.get(`/info/records/${record.id}`).loginAs(author)
    page.assertTextIncludes('统一社会信用代码')
    page.assertTextIncludes(CREDIT_CODE)
    page.assertTextIncludes('成都市 锦江区')
  })

  test('other kinds keep none of the organisation\'s fields', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    await submitForm(client, '/info/records', enterpriseForm({ kind: 'trend' }), author)
    const record = await mine(author).first()
    assert.isNotNull(record)
    assert.isNull(record!.entityName)
    assert.isNull(record!.creditCode)
  })
})

test.group('Info / records: content safety of the text', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a word to block refuses the submission (the draft stays); a word to hold lets it through with a note to the reviewer', async ({ client, assert }) => {
    const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    await addWord(await actingAs(admin, null), { word: '六合彩', category: 'gambling', action: 'block' })
    await addWord(await actingAs(admin, null), { word: '加微信', category: 'advertising', action: 'hold' })

    const blocked = await recordIn('draft')
    await IndustryRecord.query().where('id', blocked.record.id).update({ body: '锦江区柑橘产业发展很快，欢迎购买六合彩。' })
    const refused = await submitForm(client, `/info/records/${blocked.record.id}/submit`, {}, blocked.author)
    assert.deepEqual(fieldErrors(refused, 'form'), ['内容含有不允许发布的词语，请修改后再提交'])
    assert.equal((await IndustryRecord.findOrFail(blocked.record.id)).status, 'draft')

    const held = await recordIn('draft')
    await IndustryRecord.query().where('id', held.record.id).update({ summary: '订购柑橘请加微信' })
    assertRedirect(await submitForm(client, `/info/records/${held.record.id}/submit`, {}, held.author), `/info/records/${held.record.id}`)
    const stored = await IndustryRecord.findOrFail(held.record.id)
    assert.equal(stored.status, 'submitted')
    assert.deepEqual(stored.screenCategories, ['advertising'])
    const page = await client.get(`/info/records/${held.record.id}`).loginAs(held.reviewer)
    assert.include(page.text(), '内容安全提示：发现广告类词语，请审核时留意。')
  })
})
