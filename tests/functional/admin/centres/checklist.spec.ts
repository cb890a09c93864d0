import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import CenterChecklistItem from '#modules/admin/models/center_checklist_item'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { centrePeople, jinjiangVillage, makeCentre } from '#tests/fixtures/admin/centres'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { pdfBytes } from '#tests/fixtures/media/documents'

/** The multipart post of an item's form without JavaScript (redirects not followed). */
async function fill(client: any, user: any, url: string, note: string, files: { photos?: number; pdf?: boolean } = {}) {
  let request = client.post(url).header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(user).field('note', note)
  for (let i = 0; i < (files.photos ?? 0); i++) request = request.file('photos', await smallPhoto(), { filename: `room${i}.jpg` })
  if (files.pdf) request = request.file('documents', await pdfBytes('经费预算'), { filename: '预算.pdf' })
  return request
}

const itemOf = (centreId: number, item: string) => CenterChecklistItem.query().where({ centerId: centreId, item }).first()

test.group('Admin / centres / filling the 六有 checklist', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("the county centre's staff fill 有场所 with a photo and a PDF (no JavaScript): it waits for review, the files stay private", async ({ client, assert }) => {
    const centre = await makeCentre('510104')
    const [staff] = await centrePeople('510104', 1)
    const url = `/admin/centres/${centre.id}/items/premises`
    const form = await client.get(url).loginAs(staff)
    form.assertStatus(200)
    assert.include(form.text(), 'enctype="multipart/form-data"')
    assert.include(form.text(), 'data-photo-picker')
    assert.include(form.text(), 'data-upload-button')

    const response = await fill(client, staff, url, '办公室 80 平方米，位于区政府二楼', { photos: 2, pdf: true })
    assertRedirect(response, url)
    assert.equal(response.flashMessages().success, '“有场所”已提交，等待上一级审核')
    const item = (await itemOf(centre.id, 'premises'))!
    assert.equal(item.status, 'submitted')
    assert.equal(item.submittedById, staff.id)
    const media = await db.from('media').where({ subject_type: 'admin.center_item', subject_id: item.id }).orderBy('id')
    assert.deepEqual(media.map((row) => row.kind), ['photo', 'photo', 'document'])
    assert.isTrue(media.every((row) => row.visibility === 'private' && row.county_code === '510104'))

    const page = await client.get(url).loginAs(staff)
    assert.include(page.text(), '待审核')
    assert.include(page.text(), `/media/${media[0].public_id}/thumb`)
    assert.include(page.text(), '预算.pdf')
    assert.include((await client.get(`/admin/centres/${centre.id}`).loginAs(staff)).text(), '照片 2 张 · 文件 1 份')
    const audited = await db.from('audit_log').where({ action: 'centre.item_submit', subject_id: String(centre.id) }).first()
    assert.equal(audited.actor_id, staff.id)

    // The city above sees the evidence; another city does not.
    ;(await client.get(`/media/${media[0].public_id}/thumb`).loginAs(await staffOf('5101'))).assertStatus(200)
    ;(await client.get(`/media/${media[0].public_id}/thumb`).loginAs(await staffOf('5103'))).assertStatus(404)
  })

  test('only the centre itself fills: the city above gets 403, another county 404, and nothing is stored', async ({ client, assert }) => {
    const centre = await makeCentre('510104')
    const url = `/admin/centres/${centre.id}/items/premises`
    ;(await fill(client, await staffOf('5101'), url, '代填的内容', { photos: 1 })).assertStatus(403)
    ;(await fill(client, await staffOf('510105'), url, '别的县的内容', { photos: 1 })).assertStatus(404)
    ;(await fill(client, await createUser(), url, '农户的内容', { photos: 1 })).assertStatus(403)
    assert.isNull(await itemOf(centre.id, 'premises'))
    assert.equal(Number((await db.from('media').count('* as n').first()).n), 0)
    const page = await client.get(url).loginAs(await staffOf('5101'))
    assert.notInclude(page.text(), 'data-photo-picker', 'no form for the city')
  })

  test('bad input: no evidence, a note too short or with markup, a file that is not a photo — Chinese messages, nothing stored', async ({ client, assert }) => {
    const centre = await makeCentre('510104')
    const [staff] = await centrePeople('510104', 1)
    const url = `/admin/centres/${centre.id}/items/equipment`
    assert.deepEqual(fieldErrors(await fill(client, staff, url, '电脑两台，电话一部'), 'photos'), ['请至少上传一张照片或一份文件作为证明'])
    assert.include(fieldErrors(await fill(client, staff, url, '电', { photos: 1 }), 'note').join(), '具体情况至少 2 个字')
    assert.deepEqual(fieldErrors(await fill(client, staff, url, '<script>x</script>', { photos: 1 }), 'note'), ['具体情况格式不对'])
    const notPhoto = await client
      .post(url)
      .header('accept', 'text/html')
      .withCsrfToken()
      .redirects(0)
      .loginAs(staff)
      .field('note', '电脑两台')
      .file('photos', Buffer.from('<html>not a photo</html>'), { filename: 'x.jpg' })
    assert.isNotEmpty(fieldErrors(notPhoto, 'photos'))
    const htmx = await submitHtmxForm(client, url, { note: '' }, staff)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '请填写具体情况')
    assert.isNull(await itemOf(centre.id, 'equipment'))
    assert.equal(Number((await db.from('media').count('* as n').first()).n), 0)
  })

  test('有 3–5 名人员 counts the role grants of the centre: two are refused, three are accepted', async ({ client, assert }) => {
    const centre = await makeCentre('510104')
    const [first] = await centrePeople('510104', 2)
    const url = `/admin/centres/${centre.id}/items/staff`
    const refused = await fill(client, first, url, '主任一名，专员两名', { pdf: true })
    assert.deepEqual(fieldErrors(refused, 'note'), ['本中心现有 2 名人员，须 3–5 名：请先在角色与权限中授权'])
    await staffOf('510104', 'center_admin')
    assertRedirect(await fill(client, first, url, '主任一名，专员两名', { pdf: true }), url)
    assert.equal((await itemOf(centre.id, 'staff'))!.status, 'submitted')
  })
})

test.group('Admin / centres / the review by the level above', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function submitted(client: any, item = 'premises') {
    const centre = await makeCentre('510104')
    const [staff] = await centrePeople('510104', 1)
    await fill(client, staff, `/admin/centres/${centre.id}/items/${item}`, '办公室 80 平方米', { photos: 1 })
    return { centre, staff, url: `/admin/centres/${centre.id}/items/${item}` }
  }

  test('the city approves with htmx (the item fragment answers) and the centre page counts it; audited', async ({ client, assert }) => {
    const { centre, url } = await submitted(client)
    const city = await staffOf('5101')
    const page = await client.get(url).loginAs(city)
    assert.include(page.text(), 'name="decision"')
    const response = await submitHtmxForm(client, `${url}/review`, { decision: 'approved' }, city)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '“有场所”已通过')
    assert.include(response.text(), '已通过')
    assert.notInclude(response.text(), 'name="decision"')
    const item = (await itemOf(centre.id, 'premises'))!
    assert.equal(item.status, 'approved')
    assert.equal(item.reviewedById, city.id)
    assert.include((await client.get(`/admin/centres/${centre.id}`).loginAs(city)).text(), '六有已通过 1/6')
    assert.isNotNull(await db.from('audit_log').where({ action: 'centre.item_approve', subject_id: String(centre.id) }).first())

    const twice = await submitHtmxForm(client, `${url}/review`, { decision: 'returned', reason: '照片不清楚' }, city)
    twice.assertStatus(422)
    assert.include(twice.text(), '本项不在待审核状态')
  })

  test('returning needs a reason (no JavaScript); the centre sees it and fills again', async ({ client, assert }) => {
    const { centre, staff, url } = await submitted(client)
    const city = await staffOf('5101', 'center_admin')
    const bare = await submitForm(client, `${url}/review`, { decision: 'returned' }, city)
    assert.deepEqual(fieldErrors(bare, 'reason'), ['退回时请写明原因'])
    assertRedirect(await submitForm(client, `${url}/review`, { decision: 'returned', reason: '照片看不出是办公场所' }, city), url)
    assert.equal((await itemOf(centre.id, 'premises'))!.returnReason, '照片看不出是办公场所')
    assert.include((await client.get(`/admin/centres/${centre.id}`).loginAs(staff)).text(), '退回原因：照片看不出是办公场所')

    assertRedirect(await fill(client, staff, url, '办公室 80 平方米，附门牌照片', { photos: 1 }), url)
    const again = (await itemOf(centre.id, 'premises'))!
    assert.equal(again.status, 'submitted')
    assert.isNull(again.returnReason)
    assert.equal(Number((await db.from('media').where({ subject_type: 'admin.center_item', subject_id: again.id }).count('* as n').first()).n), 2)
  })

  test("the centre cannot review itself (403); another city's staff get 404; a bad decision is refused in Chinese", async ({ client, assert }) => {
    const { centre, url } = await submitted(client)
    ;(await submitForm(client, `${url}/review`, { decision: 'approved' }, await staffOf('510104', 'center_admin'))).assertStatus(403)
    const other = await submitForm(client, `${url}/review`, { decision: 'approved' }, await staffOf('5103'))
    other.assertStatus(404)
    const bad = await submitForm(client, `${url}/review`, { decision: 'maybe' }, await staffOf('5101'))
    assert.deepEqual(fieldErrors(bad, 'decision'), ['请选择列表中的审核结果'])
    assert.equal((await itemOf(centre.id, 'premises'))!.status, 'submitted')
  })

  test("a village station's item is reviewed by its county's administrator, never by the person who filled it", async ({ client, assert }) => {
    await jinjiangVillage()
    const station = await makeCentre('510104', { villageCode: '510104001001' })
    const countyAdmin = await staffOf('510104', 'center_admin')
    const url = `/admin/centres/${station.id}/items/premises`
    assertRedirect(await fill(client, countyAdmin, url, '村委会一楼服务室', { photos: 1 }), url)
    const own = await submitForm(client, `${url}/review`, { decision: 'approved' }, countyAdmin)
    assert.deepEqual(fieldErrors(own, 'decision'), ['不能审核自己填报的内容'])
    assertRedirect(await submitForm(client, `${url}/review`, { decision: 'approved' }, await staffOf('510104', 'center_admin')), url)
    assert.equal((await itemOf(station.id, 'premises'))!.status, 'approved')
  })

  test('the centre takes a wrong photo off an item (htmx) and the file is gone; the last file and approved evidence stay', async ({ client, assert }) => {
    const { centre, staff, url } = await submitted(client)
    await fill(client, staff, url, '办公室 80 平方米，附门牌照片', { photos: 1 })
    const item = (await itemOf(centre.id, 'premises'))!
    const [wrong, right] = await db.from('media').where({ subject_type: 'admin.center_item', subject_id: item.id }).orderBy('id')
    assert.include((await client.get(url).loginAs(staff)).text(), `/files/${wrong.public_id}/remove`)
    ;(await client.post(`${url}/files/${wrong.public_id}/remove`).withCsrfToken().loginAs(await staffOf('5101'))).assertStatus(403)
    ;(await client.post(`${url}/files/${wrong.public_id}/remove`).withCsrfToken().loginAs(await staffOf('510105'))).assertStatus(404)

    const removed = await client.post(`${url}/files/${wrong.public_id}/remove`).header('HX-Request', 'true').withCsrfToken().loginAs(staff)
    removed.assertStatus(200)
    assert.include(removed.text(), '已删除这份材料')
    assert.notInclude(removed.text(), wrong.public_id)
    assert.notInclude(removed.text(), '/remove', 'the last file has no 删除')
    assert.isNull(await db.from('media').where('id', wrong.id).first())
    ;(await client.get(`/media/${wrong.public_id}/thumb`).loginAs(staff)).assertStatus(404)
    assert.isNotNull(await db.from('audit_log').where({ action: 'centre.item_file_remove', subject_id: String(centre.id) }).first())

    const last = await submitForm(client, `${url}/files/${right.public_id}/remove`, {}, staff)
    assert.deepEqual(fieldErrors(last, 'file'), ['每项至少要留一份证明材料：请先上传新的，再删除这份'])
    await fill(client, staff, url, '办公室 80 平方米', { photos: 1 })
    await submitForm(client, `${url}/review`, { decision: 'approved' }, await staffOf('5101'))
    const approved = await submitForm(client, `${url}/files/${right.public_id}/remove`, {}, staff)
    assert.deepEqual(fieldErrors(approved, 'file'), ['本项已通过审核，材料不能再删除'])
    assert.isNotNull(await db.from('media').where('id', right.id).first())
  })
})
