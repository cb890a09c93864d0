import { gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { clock, HOUR } from '#core/clock'
import Media from '#core/media/media'
import SmsMessage from '#core/sms/sms_message'
import { verifyCaseLink } from '#modules/experts/shared/case_links'
import { indexConsultation } from '#modules/experts/shared/index_consultation'
import Consultation from '#modules/experts/models/consultation'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import { HTML_AS_JPG, mp4Bytes, smallPhoto } from '#tests/fixtures/media/generate'
import { assertRedirect, createUser, fieldErrors } from '#tests/helpers'
import { RICE_BLAST, farmer, importSolvedCases, infoOfficer, makeCase, newKey, postReport, typeIntoReport } from '#tests/fixtures/experts/consultations'
import { makeExpert } from '#tests/fixtures/experts/profiles'

const casesOf = (reporterId: number) => Consultation.query().where('reporter_id', reporterId).orderBy('id')
const mediaOf = (ownerId: number) => Media.query().where('owner_id', ownerId).orderBy('id')

test.group('报需求 / the form', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an 信息员 gets the form with the farmer fields, a fresh idempotency key, the county picker and 找类似 wiring', async ({ client, assert }) => {
    const officer = await infoOfficer('510129')
    const response = await client.get('/consultations/new').loginAs(officer)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html')
    assert.match(html, /<form method="POST" action="\/consultations" enctype="multipart\/form-data"/)
    assert.include(html, 'name="farmer_name"')
    assert.include(html, 'name="farmer_phone"')
    assert.match(html, /name="idempotency_key" value="[A-Za-z0-9_-]{22}"/)
    assert.match(html, /<option value="510129" selected>/, 'the county defaults to the reporter’s')
    assert.include(html, 'hx-post="/consultations/similar"')
    assert.include(html, 'delay:250ms', 'first suggestions within 300 ms of a typing pause')
    assert.include(html, 'name="photos[]"')
    assert.include(html, 'multiple')
    assert.include(html, 'name="video"')
    // Photo first: 拍照 (straight to the camera) and 从相册选, then the description with 找类似
    // right under it, then the farmer fields, industry and place.
    const at = (needle: string) => html.indexOf(needle)
    assert.include(html, 'capture="environment"')
    assert.isAbove(at('从相册选'), at('拍照'))
    assert.isAbove(at('name="text"'), at('从相册选'))
    assert.isAbove(at('id="similar-cases"'), at('name="text"'))
    assert.isAbove(at('name="farmer_name"'), at('id="similar-cases"'))
    assert.isAbove(at('name="industry"'), at('name="farmer_name"'))
    // "边写边为您查找" is a promise only the script keeps; without it, a button does the looking.
    assert.match(html, /<p class="muted" data-js-only>边写边为您查找/)
    assert.match(html, /<noscript><link rel="stylesheet" href="\/assets\/noscript\.[0-9a-f]{10}\.css"><\/noscript>/, 'which hides it without JavaScript')
    assert.match(html, /<noscript>\s*<button type="submit" class="button secondary block" formaction="\/consultations\/similar" formnovalidate>先看看类似案例/)
    assert.include(html, 'data-upload-button', 'the submit shows upload progress when the script runs')
    assert.include(html, `data-draft="consultation:${officer.id}"`)
    assert.include(html, 'data-draft-restore="true"', 'a fresh form may take the browser’s draft')
    // DESIGN §7: a later page is at most 15 KB of HTML over the wire.
    assert.isBelow(gzipSync(html).length, 15 * 1024)
    const keys = [html, (await client.get('/consultations/new').loginAs(officer)).text()].map((page) => /name="idempotency_key" value="([^"]+)"/.exec(page)![1])
    assert.notEqual(keys[0], keys[1], 'each form shown gets its own key')
  })

  test('a farmer reports for themselves: no farmer fields; "向TA提问" names a verified expert', async ({ client, assert }) => {
    const { expert } = await makeExpert({ county: '510129', name: '张农技' })
    const response = await client.get(`/consultations/new?expert=${expert.id}`).loginAs(await farmer())
    response.assertStatus(200)
    assert.notInclude(response.text(), 'name="farmer_name"')
    assert.include(response.text(), '向 张农技（县农业农村局）提问')
    assert.include(response.text(), `name="expert" value="${expert.id}"`)
  })

  test('experts, staff and guests cannot report (403, or to the login page)', async ({ client }) => {
    ;(await client.get('/consultations/new').loginAs((await makeExpert({ county: '510129' })).user)).assertStatus(403)
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510129' } })
    ;(await client.get('/consultations/new').loginAs(staff)).assertStatus(403)
    assertRedirect(await client.get('/consultations/new').redirects(0), '/login')
  })

  test('找类似 while typing: the htmx fragment lists similar solved cases with the suggested industry out of band', async ({ client, assert }) => {
    await importSolvedCases()
    const response = await typeIntoReport(client, await farmer(), { text: RICE_BLAST, county_code: '510129' })
    response.assertStatus(200)
    const html = response.text()
    assert.notInclude(html, '<html')
    // Only what clears MIN_SCORE (a wrong suggestion costs more than none), at most five; the
    // rice blast case of the fixture comes first.
    const items = html.match(/<li>/g) ?? []
    assert.isAtLeast(items.length, 1)
    assert.isAtMost(items.length, 5)
    assert.match(html.slice(html.indexOf('<li>'), html.indexOf('</li>')), /梭形/)
    assert.include(html, '<mark>')
    assert.match(html, /href="\/cases\/\d+" target="_blank"/)
    assert.include(html, 'hx-swap-oob="true"')
    assert.include(html, 'data-suggested-industry="grain_oil"')
    assert.include(html, '可能属于：川粮油')
  })

  test('找类似 without JavaScript is a page; empty or absurd input is calm', async ({ client, assert }) => {
    await importSolvedCases()
    const user = await farmer()
    const page = await client.get('/consultations/similar').qs({ text: RICE_BLAST }).loginAs(user)
    page.assertStatus(200)
    assert.include(page.text(), '<html')
    assert.include(page.text(), '类似的已解决案例')
    assert.notInclude(page.text(), 'hx-swap-oob')

    const empty = await client.get('/consultations/similar').loginAs(user).header('HX-Request', 'true')
    empty.assertStatus(200)
    assert.include(empty.text(), '边写边为您查找')
    // While typing, htmx posts (a 2,000-character description would not fit in a URL).
    const odd = await typeIntoReport(client, user, { text: '& | ! : * ( ) 🐷'.repeat(400), county_code: '990000' })
    odd.assertStatus(200)
    assert.include(odd.text(), '暂时没有找到类似的已解决案例')
  })

  test('先看看类似案例 without JavaScript: the similar page, then 返回继续填写 brings back what was typed', async ({ client, assert }) => {
    await importSolvedCases()
    const user = await farmer()
    const { expert } = await makeExpert({ county: '510129' })
    const key = newKey()
    const look = await client
      .post('/consultations/similar')
      .form({ text: RICE_BLAST, county_code: '510105', industry: 'grain_oil', expert: String(expert.id), idempotency_key: key })
      .withCsrfToken()
      .loginAs(user)
    look.assertStatus(200)
    assert.include(look.text(), '<html')
    assert.isAtLeast((look.text().match(/href="\/cases\/\d+"/g) ?? []).length, 1)
    assert.include(look.text(), 'href="/consultations/new"')

    const back = await client.get('/consultations/new').loginAs(user).withSession(look.session()).redirects(0)
    assertRedirect(back, `/consultations/new?expert=${expert.id}`)
    const form = await client.get(`/consultations/new?expert=${expert.id}`).loginAs(user).withFlashMessages(back.flashMessages())
    assert.include(form.text(), RICE_BLAST)
    assert.match(form.text(), /<option value="510105" selected>/)
    assert.include(form.text(), `value="${key}"`, 'the same form, so the same idempotency key')
    assert.include(form.text(), `name="expert" value="${expert.id}"`)

    // Once back, the draft is gone: the next visit is a fresh form.
    const again = await client.get('/consultations/new').loginAs(user).withSession(back.session()).redirects(0)
    again.assertStatus(200)
    assert.notInclude(again.text(), RICE_BLAST)
  })

  test('a solved case offered to everyone shows no name or phone number its people typed', async ({ client, assert }) => {
    const reporter = await createUser({ county: '510129', roles: ['info_officer'], name: '李信息' })
    const consultation = await makeCase({
      state: 'answering',
      reporter,
      county: '510129',
      farmer: { name: '赵农户', phone: '13812345678' },
      text: '我是赵农户，电话 138 1234 5678，李信息让我来问：水稻叶片出现褐色梭形病斑，中间灰白色，怎么防治？',
      answer: '赵农户你好，这是稻瘟病，用三环唑喷雾防治，有问题打 13800001111。',
    })
    // As the answer page does once the expert has answered.
    await db.transaction(async (trx) => indexConsultation(trx, (await Consultation.find(consultation.id, { client: trx }))!))
    const document = await db.from('text_documents').where({ source_type: 'consultation', source_id: String(consultation.id) }).firstOrFail()
    for (const page of [
      (await client.get(`/cases/${document.id}`)).text(),
      (await typeIntoReport(client, await farmer(), { text: '水稻叶片褐色梭形病斑中间灰白色' })).text(),
    ]) {
      assert.include(page, '梭形病斑')
      for (const secret of ['赵农户', '李信息', '13812345678', '1234 5678', '13800001111']) assert.notInclude(page, secret)
    }
    assert.include((await client.get(`/cases/${document.id}`)).text(), '赵某')
  })

  test('a solved case opens as a public page; private or unknown documents are 404', async ({ client, assert }) => {
    const [id] = await importSolvedCases()
    const page = await client.get(`/cases/${id}`)
    page.assertStatus(200)
    assert.include(page.text(), '解答')
    assert.include(page.text(), '历史案例')
    ;(await client.get('/cases/999999999')).assertStatus(404)
  })
})

test.group('报需求 / submit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('an 信息员 submits with a real photo: case submitted with a 1-hour deadline, photo attached and private, farmer texted a signed link', async ({ client, assert }) => {
    const officer = await infoOfficer('510129')
    clock.travel(5 * HOUR)
    const key = newKey()
    const response = await postReport(
      client,
      officer,
      { text: RICE_BLAST, county_code: '510129', farmer_name: '王大田', farmer_phone: '13812340001', idempotency_key: key },
      [{ name: 'photos[]', bytes: await smallPhoto({ width: 1600, height: 1200 }), filename: 'IMG_0001.jpg' }]
    )
    const [consultation] = await casesOf(officer.id)
    assertRedirect(response, `/consultations/${consultation.id}`)
    assert.equal(consultation.state, 'submitted')
    assert.equal(consultation.moderation, 'pass')
    assert.equal(consultation.industryCode, 'grain_oil', 'industry taken from the text when left empty')
    assert.equal(consultation.countyCode, '510129')
    assert.equal(consultation.farmerPhone, '13812340001')
    assert.equal(consultation.triageDueAt!.toMillis(), consultation.createdAt.toMillis() + HOUR)
    assert.approximately(consultation.createdAt.toMillis(), clock.now().getTime(), 5000, 'the platform clock, not the wall clock')

    const events = await ConsultationEvent.query().where('consultation_id', consultation.id)
    assert.deepEqual(events.map((event) => [event.kind, event.fromState, event.toState, Number(event.actorId), event.actorRole]), [
      ['submitted', null, 'submitted', Number(officer.id), 'info_officer'],
    ])

    const [photo] = await mediaOf(officer.id)
    assert.deepEqual([photo.kind, photo.visibility, photo.subjectType, photo.subjectId, photo.countyCode], ['photo', 'private', 'consultation', Number(consultation.id), '510129'])
    assert.equal(photo.width, 1280)

    const sms = await SmsMessage.query().where('phone', '13812340001').firstOrFail()
    assert.equal(sms.template, 'consultation_farmer_link')
    const path = /\/f\/(\d+)\/(\S+)$/.exec(sms.body!)!
    assert.equal(Number(path[1]), Number(consultation.id))
    assert.isTrue(verifyCaseLink(Number(path[1]), path[2]).ok)

    const page = await client.get(`/consultations/${consultation.id}`).loginAs(officer).withFlashMessages(response.flashMessages())
    page.assertTextIncludes('需求已提交')
    page.assertTextIncludes('下一步：先看看类似的已解决案例')
    page.assertTextIncludes(`src="/media/${photo.publicId}/thumb"`)
    ;(await client.get(photo.url('thumb')).loginAs(officer)).assertStatus(200)
  })

  test('photos and a video: the video is stored as uploaded and shown on the case page', async ({ client, assert }) => {
    const user = await farmer()
    const response = await postReport(client, user, { text: RICE_BLAST, county_code: '510129', idempotency_key: newKey() }, [
      { name: 'photos[]', bytes: await smallPhoto(), filename: 'a.jpg' },
      { name: 'photos[]', bytes: await smallPhoto({ format: 'png' }), filename: 'b.png' },
      { name: 'video', bytes: mp4Bytes(200_000), filename: 'VID_0001.mp4' },
    ])
    const [consultation] = await casesOf(user.id)
    assertRedirect(response, `/consultations/${consultation.id}`)
    const media = await mediaOf(user.id)
    assert.deepEqual(media.map((item) => [item.kind, item.subjectId]), [['photo', Number(consultation.id)], ['photo', Number(consultation.id)], ['video', Number(consultation.id)]])
    const page = await client.get(`/consultations/${consultation.id}`).loginAs(user)
    assert.lengthOf(page.text().match(/<img src="\/media\//g) ?? [], 2)
    assert.include(page.text(), `<video class="case-video" src="/media/${media[2].publicId}/full"`)
  })

  test('sent by script (upload progress): redirects come back as X-Redirect-To, the flash kept for the page the browser opens', async ({ client, assert }) => {
    const user = await farmer()
    const failed = await postReport(client, user, { text: '太短', county_code: '510129', idempotency_key: newKey() })
      .header('X-Redirect-Manually', '1')
      .header('referer', '/consultations/new')
    failed.assertStatus(200)
    failed.assertHeader('x-redirect-to', '/consultations/new')
    assert.isUndefined(failed.header('location'))
    assert.isNotEmpty(fieldErrors(failed, 'text'), 'the message waits in the flash for the form')
    const form = await client.get('/consultations/new').loginAs(user).withFlashMessages(failed.flashMessages())
    assert.include(form.text(), '太短')

    const photo = { name: 'photos[]', bytes: await smallPhoto(), filename: 'leaf.jpg' }
    const sent = await postReport(client, user, { text: RICE_BLAST, county_code: '510129', idempotency_key: newKey() }, [photo]).header('X-Redirect-Manually', '1')
    const [consultation] = await casesOf(user.id)
    sent.assertStatus(200)
    sent.assertHeader('x-redirect-to', `/consultations/${consultation.id}`)
    assert.equal(sent.flashMessages().success, '需求已提交')
    assert.lengthOf(await mediaOf(user.id), 1)

    // Without the header a redirect stays a redirect.
    const plain = await postReport(client, user, { text: '太短', county_code: '510129', idempotency_key: newKey() }).header('referer', '/consultations/new')
    assertRedirect(plain, '/consultations/new')
  })

  test('the same form posted twice (double click) makes one case; the second post lands on it', async ({ client, assert }) => {
    const user = await farmer()
    const fields = { text: RICE_BLAST, county_code: '510129', industry: 'grain_oil', idempotency_key: newKey() }
    const first = await postReport(client, user, fields)
    const second = await postReport(client, user, fields, [{ name: 'photos[]', bytes: await smallPhoto(), filename: 'again.jpg' }])
    const cases = await casesOf(user.id)
    assert.lengthOf(cases, 1)
    assertRedirect(first, `/consultations/${cases[0].id}`)
    assertRedirect(second, `/consultations/${cases[0].id}`)
    assert.lengthOf(await mediaOf(user.id), 0, 'the repeated upload is not even stored')
  })

  test('two simultaneous posts of one form still make one case (the unique index decides)', async ({ client, assert }) => {
    const user = await farmer()
    const fields = { text: RICE_BLAST, county_code: '510129', industry: 'grain_oil', idempotency_key: newKey() }
    const responses = await Promise.all([postReport(client, user, fields), postReport(client, user, fields)])
    const cases = await casesOf(user.id)
    assert.lengthOf(cases, 1)
    for (const response of responses) assertRedirect(response, `/consultations/${cases[0].id}`)
  })

  test('"向TA提问" keeps the verified expert; an unverified one is not stored', async ({ client, assert }) => {
    const user = await farmer()
    const { expert } = await makeExpert({ county: '510129' })
    await postReport(client, user, { text: RICE_BLAST, county_code: '510129', expert: String(expert.id), idempotency_key: newKey() })
    const pending = await makeExpert({ county: '510129' })
    pending.expert.status = 'pending'
    await pending.expert.save()
    await postReport(client, user, { text: RICE_BLAST, county_code: '510129', expert: String(pending.expert.id), idempotency_key: newKey() })
    const cases = await casesOf(user.id)
    assert.deepEqual(cases.map((item) => item.addressedExpertId && Number(item.addressedExpertId)), [Number(expert.id), null])
  })

  test('a market entity reports for itself; a chosen industry beats the suggestion', async ({ client, assert }) => {
    const entity = await createUser({ county: '511623', roles: ['market_entity'] })
    await postReport(client, entity, { text: RICE_BLAST, county_code: '511623', industry: 'vegetable', idempotency_key: newKey() })
    const [consultation] = await casesOf(entity.id)
    assert.equal(consultation.industryCode, 'vegetable')
    assert.isNull(consultation.farmerPhone)
    const [event] = await ConsultationEvent.query().where('consultation_id', consultation.id)
    assert.equal(event.actorRole, 'market_entity')
  })
})

test.group('报需求 / bad input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no text: a Chinese message beside the field, the rest kept, nothing stored', async ({ client, assert }) => {
    const officer = await infoOfficer()
    const response = await postReport(client, officer, { text: '', county_code: '510129', farmer_name: '王大田', farmer_phone: '13812340001', idempotency_key: newKey() })
    response.assertStatus(302)
    assert.deepEqual(fieldErrors(response, 'text'), ['请描述遇到的问题'])
    response.assertFlashMessage('farmer_name', '王大田')
    assert.lengthOf(await casesOf(officer.id), 0)
  })

  test('too short, and 5,000+ characters: clear messages, the text is kept for correcting', async ({ client, assert }) => {
    const user = await farmer()
    const short = await postReport(client, user, { text: '水稻病了', county_code: '510129', idempotency_key: newKey() })
    assert.deepEqual(fieldErrors(short, 'text'), ['问题描述至少 10 个字，请说得具体一些'])
    const long = '水稻叶片发黄枯死。'.repeat(600)
    const response = await postReport(client, user, { text: long, county_code: '510129', idempotency_key: newKey() })
    assert.deepEqual(fieldErrors(response, 'text'), ['问题描述不能超过 2000 个字'])
    response.assertFlashMessage('text', long)
    assert.lengthOf(await casesOf(user.id), 0)
  })

  test('an 信息员 without the farmer’s name and mobile is asked for both', async ({ client, assert }) => {
    const officer = await infoOfficer()
    const response = await postReport(client, officer, { text: RICE_BLAST, county_code: '510129', farmer_phone: '12345', idempotency_key: newKey() })
    assert.deepEqual(fieldErrors(response, 'farmer_name'), ['请填写农户姓名'])
    assert.deepEqual(fieldErrors(response, 'farmer_phone'), ['请输入 11 位大陆手机号'])
  })

  test('a county outside Sichuan (990000) is refused in Chinese', async ({ client, assert }) => {
    const user = await farmer()
    const response = await postReport(client, user, { text: RICE_BLAST, county_code: '990000', idempotency_key: newKey() })
    assert.deepEqual(fieldErrors(response, 'county_code'), ['请选择四川省内的区县'])
    const city = await postReport(client, user, { text: RICE_BLAST, county_code: '510100', idempotency_key: newKey() })
    assert.deepEqual(fieldErrors(city, 'county_code'), ['请选择四川省内的区县'])
    assert.lengthOf(await casesOf(user.id), 0)
  })

  test('text naming no industry and no industry chosen: asked to choose one', async ({ client, assert }) => {
    const response = await postReport(client, await farmer(), { text: '请问这个问题应该怎么处理比较好呢谢谢', county_code: '510129', idempotency_key: newKey() })
    assert.deepEqual(fieldErrors(response, 'industry'), ['请选择产业（从描述中没能判断出来）'])
  })

  test('10 photos: refused with a message, none of them stored, the text kept', async ({ client, assert }) => {
    const user = await farmer()
    const photo = await smallPhoto()
    const files = Array.from({ length: 10 }, (_, i) => ({ name: 'photos[]', bytes: photo, filename: `p${i}.jpg` }))
    const response = await postReport(client, user, { text: RICE_BLAST, county_code: '510129', idempotency_key: newKey() }, files)
    assert.deepEqual(fieldErrors(response, 'photos'), ['最多上传 9 张照片，请减少后重新选择'])
    response.assertFlashMessage('text', RICE_BLAST)
    assert.lengthOf(await mediaOf(user.id), 0)
    assert.lengthOf(await casesOf(user.id), 0)
  })

  test('a non-image file among photos is refused beside the field; the good photo is kept for the next try, then attached', async ({ client, assert }) => {
    const user = await farmer()
    const key = newKey()
    const response = await postReport(client, user, { text: RICE_BLAST, county_code: '510129', idempotency_key: key }, [
      { name: 'photos[]', bytes: await smallPhoto(), filename: 'leaf.jpg' },
      { name: 'photos[]', bytes: HTML_AS_JPG, filename: 'photo.jpg' },
    ])
    assert.deepEqual(fieldErrors(response, 'photos'), ['只能上传照片（JPG/PNG/WebP/GIF），且不超过 15 MB'])
    assert.lengthOf(await casesOf(user.id), 0)
    const [kept] = await mediaOf(user.id)
    assert.isNull(kept.subjectId)

    // The form comes back showing the stored photo, which the next submit carries along.
    const form = await client.get('/consultations/new').loginAs(user).withFlashMessages(response.flashMessages())
    assert.include(form.text(), `name="kept_media[]" value="${kept.publicId}"`)
    assert.include(form.text(), `value="${key}"`, 'the same idempotency key')
    assert.include(form.text(), RICE_BLAST)
    assert.notInclude(form.text(), 'data-draft-restore', 'what the server kept wins over the browser’s draft')

    const retry = await postReport(client, user, { text: RICE_BLAST, county_code: '510129', idempotency_key: key, kept_media: [kept.publicId] })
    const [consultation] = await casesOf(user.id)
    assertRedirect(retry, `/consultations/${consultation.id}`)
    await kept.refresh()
    assert.equal(kept.subjectId, Number(consultation.id))
  })

  test('someone else’s photo cannot be smuggled in as kept media', async ({ client, assert }) => {
    const user = await farmer()
    const other = await farmer()
    await postReport(client, other, { text: '', county_code: '510129', idempotency_key: newKey() }, [{ name: 'photos[]', bytes: await smallPhoto(), filename: 'a.jpg' }])
    const [theirs] = await mediaOf(other.id)
    await postReport(client, user, { text: RICE_BLAST, county_code: '510129', idempotency_key: newKey(), kept_media: [theirs.publicId] })
    const [consultation] = await casesOf(user.id)
    await theirs.refresh()
    assert.isNull(theirs.subjectId)
    assert.notEqual(Number(theirs.subjectId), Number(consultation.id))
  })

  test('a photo sent as the video is refused beside the video field', async ({ client, assert }) => {
    const user = await farmer()
    const response = await postReport(client, user, { text: RICE_BLAST, county_code: '510129', idempotency_key: newKey() }, [
      { name: 'video', bytes: await smallPhoto(), filename: 'clip.mp4' },
    ])
    assert.deepEqual(fieldErrors(response, 'video'), ['只能上传 MP4 或 WebM 格式的视频，且不超过 50 MB'])
  })

  test('an expired or forged idempotency key is refused with a message', async ({ client, assert }) => {
    const response = await postReport(client, await farmer(), { text: RICE_BLAST, county_code: '510129', idempotency_key: 'x' })
    assert.deepEqual(fieldErrors(response, 'idempotency_key'), ['表单已失效，请刷新页面后重新提交'])
  })
})

test.group('报需求 / reached from the home page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('reporters see 报需求 and 我的需求 on the home page; an expert does not', async ({ client, assert }) => {
    const home = await client.get('/').loginAs(await farmer())
    assert.include(home.text(), 'href="/consultations/new"')
    assert.include(home.text(), 'href="/consultations"')
    const expertHome = await client.get('/').loginAs((await makeExpert({ county: '510129' })).user)
    assert.notInclude(expertHome.text(), 'href="/consultations/new"')
  })
})
