import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import IndustryRecord from '#modules/info/models/industry_record'
import { actingAs } from '#core/accounts/acting'
import { todayIso } from '#core/clock'
import { suspendRegion } from '#core/regions/participation'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { CHECKED, infoStaff, recordForm, recordIn } from '#tests/fixtures/info/records'

const fresh = (record: IndustryRecord) => IndustryRecord.findOrFail(record.id)

test.group('Info / reviews: 上传 → 审核 → 签批 → 发布', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the whole workflow over HTTP without JavaScript: rejected with a reason, corrected, reviewed, signed off, public', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const reviewer = await infoStaff('510104')
    const signer = await infoStaff('510104', 'center_admin')
    await submitForm(client, '/info/records', recordForm({ title: '锦江区柑橘龙头企业名录' }), author)
    const record = await IndustryRecord.query().where('author_id', author.id).firstOrFail()
    await submitForm(client, `/info/records/${record.id}/submit`, {}, author)
    ;(await client.get(`/info/${record.id}`)).assertStatus(404)

    // The reviewer's queue and the record page with the checklist.
    const queue = await client.get('/info/reviews').loginAs(reviewer)
    queue.assertStatus(200)
    assert.include(queue.text(), '锦江区柑橘龙头企业名录')
    const page = await client.get(`/info/records/${record.id}`).loginAs(reviewer)
    assert.include(page.text(), '政治导向正确')
    assert.include(page.text(), 'action="/info/records/' + record.id + '/review"')

    // Rejected with a reason: back to the author, who reads it, corrects and submits again.
    assertRedirect(await submitForm(client, `/info/records/${record.id}/reject`, { reason: '数据来源需要注明年份' }, reviewer), `/info/records/${record.id}`)
    assert.equal((await fresh(record)).status, 'rejected')
    const back = await client.get(`/info/records/${record.id}`).loginAs(author)
    assert.include(back.text(), '退回原因：数据来源需要注明年份')
    const notice = await db.from('notifications').where({ user_id: author.id, kind: 'info.record_rejected' }).first()
    assert.equal(notice.body, '数据来源需要注明年份')
    await submitForm(client, `/info/records/${record.id}`, recordForm({ title: '锦江区柑橘龙头企业名录', source: '锦江区统计年鉴（2025 年）' }), author)
    assertRedirect(await submitForm(client, `/info/records/${record.id}/submit`, {}, author), `/info/records/${record.id}`)

    // Sign-off before review is refused; then reviewed with the checklist and signed off by a third person.
    const early = await submitForm(client, `/info/records/${record.id}/sign-off`, {}, signer)
    assert.deepEqual(fieldErrors(early, 'form'), ['这条信息还没有通过审核，不能签批'])
    const unticked = await submitForm(client, `/info/records/${record.id}/review`, { politics: '1' }, reviewer)
    assert.deepEqual(fieldErrors(unticked, 'secrecy'), ['请确认“涉密”一项'])
    assertRedirect(await submitForm(client, `/info/records/${record.id}/review`, { ...CHECKED, data_source_remark: '已注明年份' }, reviewer), `/info/records/${record.id}`)
    const reviewed = await fresh(record)
    assert.equal(reviewed.status, 'reviewed')
    assert.equal(reviewed.checklist!.data_source.remark, '已注明年份')
    const selfSign = await submitForm(client, `/info/records/${record.id}/sign-off`, {}, reviewer)
    assert.deepEqual(fieldErrors(selfSign, 'form'), ['审核人不能签批同一条信息，请由第三人签批'])
    assertRedirect(await submitForm(client, `/info/records/${record.id}/sign-off`, {}, signer), `/info/records/${record.id}`)
    const published = await fresh(record)
    assert.equal(published.status, 'published')
    assert.equal(published.signedOffById, signer.id)
    const twice = await submitForm(client, `/info/records/${record.id}/sign-off`, {}, signer)
    assert.deepEqual(fieldErrors(twice, 'form'), ['这条信息已经签批发布，不能重复签批'])

    // Public now, with its IP owner; the history keeps every step.
    const publicPage = await client.get(`/info/${record.id}`)
    publicPage.assertStatus(200)
    assert.include(publicPage.text(), '锦江区柑橘龙头企业名录')
    assert.include(publicPage.text(), '锦江区农业农村局')
    const events = await db.from('info_record_events').where('record_id', record.id).orderBy('id')
    assert.deepEqual(
      events.map((event) => event.action),
      ['created', 'submitted', 'rejected', 'updated', 'submitted', 'reviewed', 'signed_off']
    )
    const history = await client.get(`/info/records/${record.id}`).loginAs(author)
    assert.include(history.text(), '签批发布')
    assert.include(history.text(), '原因：数据来源需要注明年份')
  })

  test('htmx: review, reject and sign-off answer with the record panel; a refusal is a 422 into the panel box', async ({ client, assert }) => {
    const { record, reviewer, signer } = await recordIn('submitted')
    const reviewed = await submitHtmxForm(client, `/info/records/${record.id}/review`, CHECKED, reviewer)
    reviewed.assertStatus(200)
    assert.notInclude(reviewed.text(), '<html')
    assert.include(reviewed.text(), '已审核通过，等待签批')
    const refused = await submitHtmxForm(client, `/info/records/${record.id}/sign-off`, {}, reviewer)
    refused.assertStatus(422)
    refused.assertHeader('hx-retarget', `#record-${record.id}-errors`)
    assert.include(refused.text(), '审核人不能签批同一条信息')
    const signed = await submitHtmxForm(client, `/info/records/${record.id}/sign-off`, {}, signer)
    signed.assertStatus(200)
    assert.include(signed.text(), '已签批，信息已公开')

    const other = await recordIn('submitted')
    const rejected = await submitHtmxForm(client, `/info/records/${other.record.id}/reject`, { reason: '标题不准确' }, other.reviewer)
    rejected.assertStatus(200)
    assert.include(rejected.text(), '已退回撰写人')
    const noReason = await submitHtmxForm(client, `/info/records/${other.record.id}/reject`, { reason: '' }, other.reviewer)
    noReason.assertStatus(422)
    assert.include(noReason.text(), '请填写退回原因')
  })

  test('the author cannot review or sign off their own record, even holding the signer role', async ({ client, assert }) => {
    const author = await createUser({ roles: ['center_staff', 'center_admin'], scopes: { center_staff: '510104', center_admin: '510104' } })
    const { record, reviewer } = await recordIn('submitted')
    await IndustryRecord.query().where('id', record.id).update({ author_id: author.id })
    const review = await submitForm(client, `/info/records/${record.id}/review`, CHECKED, author)
    assert.deepEqual(fieldErrors(review, 'form'), ['不能审核、签批或退回自己撰写的信息'])
    await submitForm(client, `/info/records/${record.id}/review`, CHECKED, reviewer)
    const sign = await submitForm(client, `/info/records/${record.id}/sign-off`, {}, author)
    assert.deepEqual(fieldErrors(sign, 'form'), ['不能审核、签批或退回自己撰写的信息'])
    assert.equal((await fresh(record)).status, 'reviewed')
    const queue = await client.get('/info/reviews?step=sign_off').loginAs(author)
    assert.include(queue.text(), '没有等待签批的产业信息。', 'one\'s own record is in no queue of one\'s own')
  })

  test('a county reviewer of 510104 cannot review a 510105 record (404, not in the queue); county staff cannot sign a city record', async ({ client, assert }) => {
    const { record } = await recordIn('submitted', { region: '510105', title: '青羊区蔬菜产业现状' })
    const jinjiang = await infoStaff('510104')
    ;(await client.get(`/info/records/${record.id}`).loginAs(jinjiang)).assertStatus(404)
    ;(await submitForm(client, `/info/records/${record.id}/review`, CHECKED, jinjiang)).assertStatus(404)
    ;(await submitForm(client, `/info/records/${record.id}/reject`, { reason: '不属于本区' }, jinjiang)).assertStatus(404)
    const queue = await client.get('/info/reviews').loginAs(jinjiang)
    assert.notInclude(queue.text(), '青羊区蔬菜产业现状')
    assert.equal((await fresh(record)).status, 'submitted')

    const cityRecord = await recordIn('reviewed', { region: '510100' })
    ;(await submitForm(client, `/info/records/${cityRecord.record.id}/sign-off`, {}, jinjiang)).assertStatus(404)
    const chengdu = await infoStaff('5101')
    ;(await client.get(`/info/records/${record.id}`).loginAs(chengdu)).assertStatus(200, )
    assertRedirect(await submitForm(client, `/info/records/${cityRecord.record.id}/sign-off`, {}, chengdu), `/info/records/${cityRecord.record.id}`)
    ;(await submitForm(client, `/info/records/${record.id}/review`, CHECKED, await createUser())).assertStatus(403)
  })

  test('while 510104 is suspended its staff read its records but neither decide nor change one (403); 成都 decides for it', async ({ client, assert }) => {
    const { record, author } = await recordIn('submitted', { region: '510104' })
    ;(await client.get(`/info/records/${record.id}/edit`).loginAs(author)).assertStatus(200)
    const platform = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    await suspendRegion(await actingAs(platform, null), { regionCode: '510104', reason: '未落实配套经费', fromDay: todayIso() })
    const jinjiang = await infoStaff('510104')
    ;(await client.get(`/info/records/${record.id}`).loginAs(jinjiang)).assertStatus(200)
    ;(await submitForm(client, `/info/records/${record.id}/review`, CHECKED, jinjiang)).assertStatus(403)
    ;(await submitForm(client, `/info/records/${record.id}/reject`, { reason: '暂停期间' }, jinjiang)).assertStatus(403)
    ;(await client.get(`/info/records/${record.id}/edit`).loginAs(author)).assertStatus(403)
    assert.equal((await fresh(record)).status, 'submitted')
    assertRedirect(await submitForm(client, `/info/records/${record.id}/review`, CHECKED, await infoStaff('5101')), `/info/records/${record.id}`)
    assert.equal((await fresh(record)).status, 'reviewed')
  })

  test('the queues: review and sign-off tabs (page and htmx fragment), empty states, the count on the centre home', async ({ client, assert }) => {
    const { reviewer } = await recordIn('submitted', { title: '锦江区茶叶产业现状' })
    await recordIn('reviewed', { title: '锦江区生猪产业发展趋势' })
    const review = await client.get('/info/reviews').loginAs(reviewer)
    assert.include(review.text(), '锦江区茶叶产业现状')
    assert.notInclude(review.text(), '锦江区生猪产业发展趋势')
    const signOff = await client.get('/info/reviews?step=sign_off').header('HX-Request', 'true').loginAs(reviewer)
    assert.notInclude(signOff.text(), '<html')
    assert.include(signOff.text(), '锦江区生猪产业发展趋势')
    const home = await client.get('/').loginAs(reviewer)
    assert.include(home.text(), '产业信息审核签批')
    assert.include(home.text(), '我的产业信息')
    assert.match(home.text(), /产业信息审核签批[\s\S]{0,200}>2</)
    const empty = await client.get('/info/reviews').loginAs(await infoStaff('513433'))
    assert.include(empty.text(), '没有等待审核的产业信息。')
  })

  test('撤回: a published record is withdrawn with a reason (no-JS and htmx), leaves the public pages and search, and goes through the workflow again', async ({ client, assert }) => {
    const { record, author, reviewer, signer } = await recordIn('published', { title: '锦江区柑橘产业发展现状' })
    ;(await client.get(`/info/${record.id}`)).assertStatus(200)
    const other = await infoStaff('510105')
    ;(await submitForm(client, `/info/records/${record.id}/withdraw`, { reason: '不属于本区' }, other)).assertStatus(404)
    const noReason = await submitForm(client, `/info/records/${record.id}/withdraw`, { reason: '' }, signer)
    assert.deepEqual(fieldErrors(noReason, 'reason'), ['请填写退回原因'])
    assertRedirect(await submitForm(client, `/info/records/${record.id}/withdraw`, { reason: '面积数据有误，需要更正' }, signer), `/info/records/${record.id}`)
    assert.equal((await fresh(record)).status, 'withdrawn')
    ;(await client.get(`/info/${record.id}`)).assertStatus(404)
    assert.include((await client.get(`/info?q=${encodeURIComponent('柑橘')}`)).text(), '暂时没有符合条件的产业信息')
    const again = await submitHtmxForm(client, `/info/records/${record.id}/withdraw`, { reason: '再次撤回' }, signer)
    again.assertStatus(422)
    assert.include(again.text(), '这条信息没有在发布中，不能撤回')

    const page = await client.get(`/info/records/${record.id}`).loginAs(author)
    assert.include(page.text(), '退回原因：面积数据有误，需要更正')
    await submitForm(client, `/info/records/${record.id}`, recordForm({ body: '锦江区柑橘种植面积约九千亩，主栽品种为春见和不知火。' }), author)
    await submitForm(client, `/info/records/${record.id}/submit`, {}, author)
    await submitForm(client, `/info/records/${record.id}/review`, CHECKED, reviewer)
    const signed = await submitHtmxForm(client, `/info/records/${record.id}/sign-off`, {}, signer)
    assert.include(signed.text(), '已签批，信息已公开')
    const publicPage = await client.get(`/info/${record.id}`)
    assert.include(publicPage.text(), '约九千亩')
    const events = await db.from('info_record_events').where('record_id', record.id).orderBy('id')
    assert.deepEqual(
      events.map((event) => event.action),
      ['submitted', 'reviewed', 'signed_off', 'withdrawn', 'updated', 'submitted', 'reviewed', 'signed_off']
    )
  })

  test('a second version: the correction goes through the workflow while the old version stays public, then replaces it (old links lead to it); both kept', async ({ client, assert }) => {
    const { record, author, reviewer, signer } = await recordIn('published', { title: '锦江区柑橘产业发展现状' })
    const revised = await submitForm(client, `/info/records/${record.id}/revise`, {}, author)
    const copy = await IndustryRecord.query().where('revises_id', record.id).firstOrFail()
    assertRedirect(revised, `/info/records/${copy.id}/edit`)
    assert.equal(copy.status, 'draft')
    assert.equal(copy.title, '锦江区柑橘产业发展现状')
    const twice = await submitHtmxForm(client, `/info/records/${record.id}/revise`, {}, author)
    twice.assertStatus(422)
    assert.include(twice.text(), '这条信息已有一个修订版本在处理中')
    ;(await submitForm(client, `/info/records/${record.id}/revise`, {}, await infoStaff('510105'))).assertStatus(404)

    await submitForm(client, `/info/records/${copy.id}`, recordForm({ title: '锦江区柑橘产业发展现状（2026 年修订）' }), author)
    await submitForm(client, `/info/records/${copy.id}/submit`, {}, author)
    await submitForm(client, `/info/records/${copy.id}/review`, CHECKED, reviewer)
    const meanwhile = await client.get(`/info/${record.id}`)
    meanwhile.assertStatus(200)
    assert.include(meanwhile.text(), '锦江区柑橘产业发展现状')
    assert.notInclude((await client.get('/info')).text(), '2026 年修订')

    await submitForm(client, `/info/records/${copy.id}/sign-off`, {}, signer)
    assert.equal((await fresh(record)).status, 'superseded')
    assert.equal((await fresh(copy)).status, 'published')
    assertRedirect(await client.get(`/info/${record.id}`).redirects(0), `/info/${copy.id}`)
    const list = await client.get('/info')
    assert.include(list.text(), '锦江区柑橘产业发展现状（2026 年修订）')
    assert.equal((list.text().match(/锦江区柑橘产业发展现状/g) ?? []).length, 1, 'only the current version is listed')
    const search = await client.get(`/info?q=${encodeURIComponent('柑橘')}`)
    assert.include(search.text(), `href="/info/${copy.id}"`)
    assert.notInclude(search.text(), `href="/info/${record.id}"`)

    const oldPage = await client.get(`/info/records/${record.id}`).loginAs(author)
    assert.include(oldPage.text(), '已被新版本取代')
    assert.include(oldPage.text(), `href="/info/records/${copy.id}"`)
    const oldEvents = await db.from('info_record_events').where('record_id', record.id).orderBy('id')
    assert.deepEqual(oldEvents.map((event) => event.action).slice(-1), ['superseded'])
  })
})
