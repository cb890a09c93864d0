import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Consultation from '#modules/experts/models/consultation'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import KnowledgeRevision from '#modules/experts/knowledge/knowledge_revision'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { infoOfficer, newKey, postReport, RICE_BLAST, staffOf } from '#tests/fixtures/experts/consultations'
import { closedCase, publishedEntry, ruleFollowup } from '#tests/fixtures/experts/knowledge'
import { attachPhoto } from '#tests/fixtures/experts/triage'
import User from '#core/accounts/models/user'
import Media from '#core/media/media'

const HIDDEN = ['王大田', '李信息', '13800001111', '13912345678', '锦江区']

test.group('Knowledge / consent on 报需求', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the form asks; a ticked box is stored on the case, an unticked one is not', async ({ client, assert }) => {
    const reporter = await infoOfficer()
    const form = await client.get('/consultations/new').loginAs(reporter)
    assert.include(form.text(), 'name="knowledge_consent"')
    assert.include(form.text(), '问题解决后，同意把问答（隐去姓名和电话）公开到农技知识库')

    const base = { text: RICE_BLAST, county_code: '510129', farmer_name: '王大田', farmer_phone: '13812340003' }
    ;(await postReport(client, reporter, { ...base, idempotency_key: newKey(), knowledge_consent: '1' })).assertStatus(302)
    ;(await postReport(client, reporter, { ...base, idempotency_key: newKey() })).assertStatus(302)
    const cases = await Consultation.query().where('reporter_id', reporter.id).orderBy('id')
    assert.deepEqual(
      cases.map((consultation) => consultation.knowledgeConsent),
      [true, false]
    )
  })
})

test.group('Knowledge / from the 回访 to the public page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a consenting case becomes an entry only once the 回访 page records "valid"; masked fields never appear', async ({ client, assert }) => {
    const consultation = await closedCase({ consent: true })
    const before = await client.get('/knowledge')
    before.assertStatus(200)
    assert.include(before.text(), '还没有符合条件的知识条目')
    assert.lengthOf(await KnowledgeEntry.query().where('consultation_id', consultation.id), 0)

    const staff = await staffOf('510104')
    const recorded = await submitForm(client, `/admin/experts/followups/${consultation.id}/calls`, { reached: 'yes', service_valid: 'valid', category: 'diagnosis' }, staff)
    assertRedirect(recorded, '/admin/experts/followups')
    const entry = await KnowledgeEntry.findByOrFail('consultation_id', consultation.id)

    const list = await client.get('/knowledge')
    assert.include(list.text(), `/knowledge/${entry.id}`)
    const page = await client.get(`/knowledge/${entry.id}`)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, `<title>${entry.title} - 农技知识库 - `)
    assert.match(html, /<meta name="description" content="川粮油问题：/)
    assert.include(html, '三环唑')
    assert.isBelow(Buffer.byteLength(html), 15_000, 'light: under 15 KB of HTML')
    assert.include(html, '成都市')
    for (const hidden of HIDDEN) {
      assert.notInclude(html, hidden)
      assert.notInclude(list.text(), hidden)
    }
    assert.notInclude(html, 'name="reason"', 'no management links for the public')
    assert.notInclude(html, '/edit"')
  })

  test('a case without consent, or ruled invalid, never becomes public', async ({ client, assert }) => {
    const refused = await closedCase({ consent: false })
    await ruleFollowup(refused, true)
    const invalid = await closedCase({ consent: true })
    await ruleFollowup(invalid, false)
    assert.lengthOf(await KnowledgeEntry.query(), 0)
    const list = await client.get('/knowledge')
    assert.include(list.text(), '还没有符合条件的知识条目')
    assert.notInclude(list.text(), '稻瘟')
  })

  test('by industry, search, pages of 20, htmx list alone; odd searches answer the empty state', async ({ client, assert }) => {
    const rice = await publishedEntry()
    const tea = await publishedEntry({ industry: 'tea', text: '茶树叶片上出现红褐色圆形病斑，新梢枯死，怎么治？', answer: '这是茶饼病，用多菌灵喷雾防治，注意排水。' })
    const byIndustry = await client.get('/knowledge?industry=tea')
    assert.include(byIndustry.text(), `knowledge-${tea.entry.id}"`)
    assert.notInclude(byIndustry.text(), `knowledge-${rice.entry.id}"`)

    // Seasons by the Beijing month of the ruling: the rice entry in July, the tea one in January.
    await KnowledgeEntry.query().where('id', rice.entry.id).update({ validated_at: new Date('2026-07-10T02:00:00Z') })
    await KnowledgeEntry.query().where('id', tea.entry.id).update({ validated_at: new Date('2026-01-05T02:00:00Z') })
    const summer = await client.get('/knowledge?season=summer')
    assert.include(summer.text(), `knowledge-${rice.entry.id}"`)
    assert.notInclude(summer.text(), `knowledge-${tea.entry.id}"`)
    assert.include((await client.get('/knowledge?season=winter&industry=tea')).text(), `knowledge-${tea.entry.id}"`)
    assert.include((await client.get('/knowledge?season=monsoon')).text(), `knowledge-${tea.entry.id}"`, 'an unknown season narrows nothing')

    const searched = await client.get(`/knowledge?q=${encodeURIComponent('多菌灵 排水')}`)
    assert.include(searched.text(), `knowledge-${tea.entry.id}"`)
    assert.notInclude(searched.text(), `knowledge-${rice.entry.id}"`)

    // The box holds 100 characters; a longer query in a typed URL is cut, never an error.
    for (const odd of ['%', '_', "'; DROP TABLE users;--", '& | ! :* ( )', '🌾🌾', '稻'.repeat(800), '王大田']) {
      const response = await client.get(`/knowledge?q=${encodeURIComponent(odd)}&industry=nonsense&page=-3`)
      response.assertStatus(200)
      assert.include(response.text(), '没有找到与')
    }

    for (let i = 0; i < 20; i++) await publishedEntry({ county: '510105' })
    const fragment = await client.get('/knowledge?page=2').header('HX-Request', 'true')
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.equal(fragment.text().match(/<li id="knowledge-/g)?.length, 2)
    assert.include(fragment.text(), '第 2 / 2 页')
  })

  test('the search box finds a crop by any of its names: 苞谷 finds a 玉米 entry', async ({ client, assert }) => {
    const maize = await publishedEntry({ text: '玉米叶片上有长梭形的灰褐色大斑，下部叶子先枯，怎么办？', answer: '这是玉米大斑病，用苯醚甲环唑喷雾，清除病残体。' })
    const rice = await publishedEntry()
    const found = await client.get(`/knowledge?q=${encodeURIComponent('苞谷 大斑病')}`)
    assert.include(found.text(), `knowledge-${maize.entry.id}"`)
    assert.notInclude(found.text(), `knowledge-${rice.entry.id}"`)
  })

  test('unknown and malformed ids answer 404', async ({ client }) => {
    ;(await client.get('/knowledge/999999')).assertStatus(404)
    ;(await client.get('/knowledge/abc')).assertStatus(404)
  })
})

test.group('Knowledge / centre staff reword and withdraw', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff of the case county see the links, reword it without JavaScript, and the history keeps both versions', async ({ client, assert }) => {
    const { entry } = await publishedEntry()
    const staff = await staffOf('510104')
    const page = await client.get(`/knowledge/${entry.id}`).loginAs(staff)
    assert.include(page.text(), `/knowledge/${entry.id}/edit`)
    const form = await client.get(`/knowledge/${entry.id}/edit`).loginAs(staff)
    form.assertStatus(200)
    assert.include(form.text(), '平台根据回访生成')

    const saved = await submitForm(client, `/knowledge/${entry.id}/edit`, { title: '水稻稻瘟病的防治', problem: entry.problem, answer: entry.answer }, staff)
    assertRedirect(saved, `/knowledge/${entry.id}`)
    assert.include((await client.get(`/knowledge/${entry.id}`)).text(), '水稻稻瘟病的防治')
    const revisions = await KnowledgeRevision.query().where('entry_id', entry.id).orderBy('id')
    assert.deepEqual(revisions.map((revision) => [revision.kind, revision.editorId]), [['created', null], ['edited', staff.id]])
  })

  test('htmx rewording swaps the form back with the status; bad input is refused in Chinese', async ({ client, assert }) => {
    const { entry } = await publishedEntry()
    const staff = await staffOf('510104')
    const ok = await submitHtmxForm(client, `/knowledge/${entry.id}/edit`, { title: '稻瘟病怎么治', problem: entry.problem, answer: entry.answer }, staff)
    ok.assertStatus(200)
    assert.notInclude(ok.text(), '<html')
    assert.include(ok.text(), '已保存修改')

    const bad = await submitHtmxForm(client, `/knowledge/${entry.id}/edit`, { title: '', problem: '短', answer: entry.answer }, staff)
    bad.assertStatus(422)
    assert.match(bad.text(), /请填写标题|标题至少/)
    const plain = await submitForm(client, `/knowledge/${entry.id}/edit`, { title: '稻', problem: entry.problem, answer: entry.answer }, staff)
    plain.assertStatus(302)
    assert.include(fieldErrors(plain, 'title').join(), '标题至少需要 4 个字')
  })

  test('withdrawal: a confirmation page first, a reason required, then the entry answers 404 to everyone', async ({ client, assert }) => {
    const { entry } = await publishedEntry()
    const staff = await staffOf('510104')
    const confirm = await client.get(`/knowledge/${entry.id}/withdraw`).loginAs(staff)
    confirm.assertStatus(200)
    assert.include(confirm.text(), '确认撤下')
    assert.equal((await KnowledgeEntry.findOrFail(entry.id)).state, 'published', 'showing the page changes nothing')

    const noReason = await submitForm(client, `/knowledge/${entry.id}/withdraw`, { reason: '' }, staff)
    assert.include(fieldErrors(noReason, 'reason').join(), '请填写撤下原因')

    const done = await submitForm(client, `/knowledge/${entry.id}/withdraw`, { reason: '与另一条重复' }, staff)
    assertRedirect(done, '/knowledge')
    ;(await client.get(`/knowledge/${entry.id}`)).assertStatus(404)
    ;(await client.get(`/knowledge/${entry.id}`).loginAs(staff)).assertStatus(404)
    ;(await client.get(`/knowledge/${entry.id}/edit`).loginAs(staff)).assertStatus(404)
    assert.notInclude((await client.get('/knowledge')).text(), `knowledge-${entry.id}"`)
  })

  test('htmx withdrawal answers the confirmation fragment', async ({ client, assert }) => {
    const { entry } = await publishedEntry()
    const staff = await staffOf('510104')
    const response = await submitHtmxForm(client, `/knowledge/${entry.id}/withdraw`, { reason: '措辞不当' }, staff)
    response.assertStatus(200)
    assert.include(response.text(), '已撤下该条目')
    assert.equal((await KnowledgeEntry.findOrFail(entry.id)).state, 'withdrawn')
  })

  test('staff of another county, farmers and guests cannot manage it (404 / login); a city admin can', async ({ client, assert }) => {
    const { entry } = await publishedEntry()
    const neighbour = await staffOf('510105')
    assert.notInclude((await client.get(`/knowledge/${entry.id}`).loginAs(neighbour)).text(), `/knowledge/${entry.id}/edit`)
    ;(await client.get(`/knowledge/${entry.id}/edit`).loginAs(neighbour)).assertStatus(404)
    ;(await client.get(`/knowledge/${entry.id}/withdraw`).loginAs(neighbour)).assertStatus(404)
    ;(await submitForm(client, `/knowledge/${entry.id}/withdraw`, { reason: '不该撤' }, neighbour)).assertStatus(404)
    ;(await submitForm(client, `/knowledge/${entry.id}/edit`, { title: '被改了标题', problem: entry.problem, answer: entry.answer }, neighbour)).assertStatus(404)
    const farmerUser = await createUser({ county: '510104', roles: ['farmer'] })
    ;(await client.get(`/knowledge/${entry.id}/edit`).loginAs(farmerUser)).assertStatus(404)
    assertRedirect(await client.get(`/knowledge/${entry.id}/edit`).redirects(0), '/login')
    await entry.refresh()
    assert.equal(entry.state, 'published')
    assert.notEqual(entry.title, '被改了标题')

    const cityAdmin = await staffOf('5101', 'center_admin')
    ;(await client.get(`/knowledge/${entry.id}/edit`).loginAs(cityAdmin)).assertStatus(200)
  })
})

test.group('Knowledge / merging duplicates', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff merge a duplicate without JavaScript: it leaves the list, its address redirects (301), the history says so', async ({ client, assert }) => {
    const kept = await publishedEntry()
    const duplicate = await publishedEntry()
    const staff = await staffOf('510104')
    assert.include((await client.get(`/knowledge/${duplicate.entry.id}`).loginAs(staff)).text(), `/knowledge/${duplicate.entry.id}/merge`)
    const confirm = await client.get(`/knowledge/${duplicate.entry.id}/merge`).loginAs(staff)
    confirm.assertStatus(200)
    assert.include(confirm.text(), '可能重复的条目')
    assert.include(confirm.text(), `#${kept.entry.id} `, 'the same question is offered as the likely duplicate')
    assert.equal((await KnowledgeEntry.findOrFail(duplicate.entry.id)).state, 'published', 'showing the page changes nothing')

    const done = await submitForm(client, `/knowledge/${duplicate.entry.id}/merge`, { into_id: String(kept.entry.id) }, staff)
    assertRedirect(done, `/knowledge/${kept.entry.id}`)
    const moved = await client.get(`/knowledge/${duplicate.entry.id}`).redirects(0)
    moved.assertStatus(301)
    assert.equal(moved.header('location'), `/knowledge/${kept.entry.id}`)
    assert.notInclude((await client.get('/knowledge')).text(), `knowledge-${duplicate.entry.id}"`)
    ;(await client.get(`/knowledge/${duplicate.entry.id}/edit`).loginAs(staff)).assertStatus(404)
    const revisions = await KnowledgeRevision.query().where('entry_id', duplicate.entry.id).orderBy('id')
    assert.deepEqual(revisions.map((revision) => [revision.kind, revision.editorId, revision.reason]), [['created', null, null], ['merged', staff.id, `#${kept.entry.id}`]])

    // An entry merged into the duplicate earlier follows it: no address redirects twice.
    const third = await publishedEntry()
    await submitForm(client, `/knowledge/${kept.entry.id}/merge`, { into_id: String(third.entry.id) }, staff)
    const again = await client.get(`/knowledge/${duplicate.entry.id}`).redirects(0)
    assert.equal(again.header('location'), `/knowledge/${third.entry.id}`)
  })

  test('htmx answers the confirmation; itself, a withdrawn, unknown or another county\'s entry, or no number, is refused in Chinese', async ({ client, assert }) => {
    const kept = await publishedEntry()
    const duplicate = await publishedEntry()
    const elsewhere = await publishedEntry({ county: '510105' })
    const gone = await publishedEntry()
    await KnowledgeEntry.query().where('id', gone.entry.id).update({ state: 'withdrawn', withdrawn_at: new Date() })
    const staff = await staffOf('510104')

    const self = await submitHtmxForm(client, `/knowledge/${duplicate.entry.id}/merge`, { into_id: String(duplicate.entry.id) }, staff)
    self.assertStatus(422)
    assert.include(self.text(), '不能合并到本条自己')
    for (const other of [gone.entry.id, elsewhere.entry.id, 999999]) {
      const refused = await submitForm(client, `/knowledge/${duplicate.entry.id}/merge`, { into_id: String(other) }, staff)
      assert.include(fieldErrors(refused, 'into_id').join(), '找不到该条目，或它已撤下、已合并，或不在您的管理范围内')
    }
    for (const bad of ['', 'abc', '1.5', '-3']) {
      const refused = await submitForm(client, `/knowledge/${duplicate.entry.id}/merge`, { into_id: bad }, staff)
      assert.isNotEmpty(fieldErrors(refused, 'into_id'), `"${bad}" is refused`)
    }
    assert.equal((await KnowledgeEntry.findOrFail(duplicate.entry.id)).state, 'published', 'nothing merged by a refused post')

    const ok = await submitHtmxForm(client, `/knowledge/${duplicate.entry.id}/merge`, { into_id: String(kept.entry.id) }, staff)
    ok.assertStatus(200)
    assert.notInclude(ok.text(), '<html')
    assert.include(ok.text(), `已合并到条目 #${kept.entry.id}`)
  })

  test('staff of another county cannot open or post the merge (404); nothing changes', async ({ client, assert }) => {
    const kept = await publishedEntry()
    const duplicate = await publishedEntry()
    const neighbour = await staffOf('510105')
    ;(await client.get(`/knowledge/${duplicate.entry.id}/merge`).loginAs(neighbour)).assertStatus(404)
    ;(await submitForm(client, `/knowledge/${duplicate.entry.id}/merge`, { into_id: String(kept.entry.id) }, neighbour)).assertStatus(404)
    assert.equal((await KnowledgeEntry.findOrFail(duplicate.entry.id)).state, 'published')
  })
})

test.group('Knowledge / photos chosen by centre staff', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /** A published entry whose case has two photos (private, as the report stores them). */
  async function entryWithPhotos() {
    const published = await publishedEntry()
    const reporter = await User.findOrFail(published.consultation.reporterId)
    const photos = [await attachPhoto(published.consultation, reporter), await attachPhoto(published.consultation, reporter)]
    return { ...published, photos }
  }

  test('no photo is public with the entry; staff tick one without JavaScript, it shows and opens for guests, the share card uses it', async ({ client, assert }) => {
    const { entry, photos } = await entryWithPhotos()
    const [face, crop] = photos
    const before = await client.get(`/knowledge/${entry.id}`)
    assert.include(before.text(), '为保护隐私，照片暂不公开')
    assert.notInclude(before.text(), crop.publicId)
    assert.oneOf((await client.get(crop.url('thumb'))).status(), [403, 404], 'a case photo is private')

    const staff = await staffOf('510104')
    const form = await client.get(`/knowledge/${entry.id}/edit`).loginAs(staff)
    assert.include(form.text(), '只勾选看不到人脸、门牌和电话号码')
    assert.include(form.text(), `value="${crop.id}"`)

    const saved = await submitForm(client, `/knowledge/${entry.id}/photos`, { 'photo_ids[]': String(crop.id) }, staff)
    assertRedirect(saved, `/knowledge/${entry.id}/edit`)
    const page = await client.get(`/knowledge/${entry.id}`)
    assert.include(page.text(), crop.url('thumb'))
    assert.notInclude(page.text(), face.publicId)
    assert.match(page.text(), new RegExp(`<meta property="og:image" content="http://[^"]+${crop.url('full')}">`))
    ;(await client.get(crop.url('thumb'))).assertStatus(200)
    assert.oneOf((await client.get(face.url('thumb'))).status(), [403, 404], 'the photo not chosen stays private')
    const revisions = await KnowledgeRevision.query().where('entry_id', entry.id).orderBy('id')
    assert.deepEqual(revisions.map((revision) => revision.kind), ['created', 'photos'])

    // Nothing ticked hides it again.
    await submitForm(client, `/knowledge/${entry.id}/photos`, {}, staff)
    assert.equal((await Media.findOrFail(crop.id)).visibility, 'private')
  })

  test('htmx answers the form with its status; a photo of another case is refused in Chinese and nothing changes', async ({ client, assert }) => {
    const { entry, photos } = await entryWithPhotos()
    const other = await entryWithPhotos()
    const staff = await staffOf('510104')
    const refused = await submitForm(client, `/knowledge/${entry.id}/photos`, { 'photo_ids[]': String(other.photos[0].id) }, staff)
    assert.include(fieldErrors(refused, 'photo_ids').join(), '只能选择这个需求自己的照片')
    assert.equal((await Media.findOrFail(photos[0].id)).visibility, 'private')
    assert.equal((await Media.findOrFail(other.photos[0].id)).visibility, 'private')

    const ok = await submitHtmxForm(client, `/knowledge/${entry.id}/photos`, { 'photo_ids[]': String(photos[1].id) }, staff)
    ok.assertStatus(200)
    assert.notInclude(ok.text(), '<html')
    assert.include(ok.text(), '已保存照片选择')
    assert.match(ok.text(), new RegExp(`value="${photos[1].id}" checked`))
  })

  test('withdrawing the entry makes its chosen photos private again; another county\'s staff cannot choose (404)', async ({ client, assert }) => {
    const { entry, photos } = await entryWithPhotos()
    const neighbour = await staffOf('510105')
    ;(await submitForm(client, `/knowledge/${entry.id}/photos`, { 'photo_ids[]': String(photos[0].id) }, neighbour)).assertStatus(404)
    assert.equal((await Media.findOrFail(photos[0].id)).visibility, 'private')

    const staff = await staffOf('510104')
    await submitForm(client, `/knowledge/${entry.id}/photos`, { 'photo_ids[]': String(photos[0].id) }, staff)
    assert.equal((await Media.findOrFail(photos[0].id)).visibility, 'public')
    await submitForm(client, `/knowledge/${entry.id}/withdraw`, { reason: '照片里有人脸' }, staff)
    assert.equal((await Media.findOrFail(photos[0].id)).visibility, 'private')
    assert.oneOf((await client.get(photos[0].url('thumb'))).status(), [403, 404])
  })
})
