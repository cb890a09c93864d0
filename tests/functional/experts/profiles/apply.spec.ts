import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import Expert from '#modules/experts/models/expert'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import { HTML_AS_JPG, smallPhoto } from '#tests/fixtures/media/generate'
import { makeExpert, profileForm } from '#tests/fixtures/experts/profiles'
import type User from '#core/accounts/models/user'

/** The application form as a browser sends it with a photo (multipart, no JavaScript). */
function postWithPhoto(client: any, url: string, user: User, form: Record<string, string>, photo: Buffer, filename = 'me.jpg') {
  let request = client.post(url).loginAs(user).withCsrfToken().header('accept', 'text/html').redirects(0)
  for (const [name, value] of Object.entries(form)) request = request.field(name.replace(/\[\d+\]$/, '[]'), value)
  return request.file('photo', photo, { filename })
}

const profileOf = (user: User) => Expert.findBy('userId', user.id)
const indexed = (expert: Expert) => db.from('text_documents').where({ source_type: 'expert', source_id: String(expert.id) }).first()
const day = (offsetDays: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days: offsetDays }).toISODate()!

test.group('Expert profiles / applying', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('needs a signed-in person', async ({ client }) => {
    assertRedirect(await client.get('/experts/apply').redirects(0), '/login')
    assertRedirect(await client.post('/experts/apply').withCsrfToken().form(profileForm()).redirects(0), '/login')
  })

  test('the page: a multipart form with the region and industry pickers and the photo field', async ({ client, assert }) => {
    const response = await client.get('/experts/apply').loginAs(await createUser({ name: '李专家' }))
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html')
    assert.include(html, '申请成为专家')
    assert.include(html, '李专家')
    assert.match(html, /<form method="POST" action="\/experts\/apply" enctype="multipart\/form-data"/)
    assert.include(html, 'data-region-city="f-county_code"')
    assert.include(html, '<optgroup label="十大优势特色产业">')
    assert.include(html, 'name="other_industries[]" value="drying_cold_chain"')
    assert.match(html, /<input id="f-photo" name="photo" type="file" accept="image\/\*" data-media-upload/)
    assert.notInclude(html, '需要运管中心重新审核', 'the re-review notice is for editing')
  })

  test('no-JS post with a photo: a pending profile, main industry first, a photo public only once verified, audited', async ({ client, assert }) => {
    const user = await createUser({ name: '李专家', county: '510104' })
    const response = await postWithPhoto(client, '/experts/apply', user, profileForm({ 'other_industries[1]': 'grain_oil' }), await smallPhoto())
    assertRedirect(response, '/experts/me')
    response.assertFlashMessage('success', '已提交申请，请等待运管中心审核')

    const expert = (await profileOf(user))!
    assert.equal(expert.status, 'pending')
    assert.equal(expert.countyCode, '510129')
    assert.deepEqual(expert.industries, ['grain_oil', 'vegetable'], 'the main industry once, first')
    const photo = await Media.findOrFail(expert.photoId)
    assert.equal(photo.visibility, 'private', 'an applicant is not public before a centre vouches for them')
    assert.equal(photo.subjectType, 'experts.profile')
    ;(await client.get(`/media/${photo.publicId}/thumb`)).assertStatus(404)
    const reviewer = await createUser({ county: '510129', roles: ['center_staff'], scopes: { center_staff: '510129' } })
    ;(await client.get(`/media/${photo.publicId}/thumb`).loginAs(reviewer)).assertStatus(200)
    const entry = await db.from('audit_log').where({ action: 'expert.apply', subject_id: String(expert.id) }).first()
    assert.equal(entry.county_code, '510129')
    assert.isNull(await indexed(expert), 'not in 找专家 before verification')

    const mine = await client.get('/experts/me').loginAs(user)
    mine.assertTextIncludes('审核中')
    mine.assertTextIncludes('成都市 大邑县')
    mine.assertTextIncludes(`src="/media/${photo.publicId}/thumb"`)
    ;(await client.get(`/media/${photo.publicId}/thumb`).loginAs(user)).assertStatus(200)

    assertRedirect(await submitForm(client, `/admin/experts/profiles/${expert.id}/verify`, {}, reviewer), '/admin/experts/profiles')
    await photo.refresh()
    assert.equal(photo.visibility, 'public')
    ;(await client.get(`/media/${photo.publicId}/thumb`)).assertStatus(200)
  })

  test('without a photo (the empty file field a browser sends) the application is stored', async ({ client, assert }) => {
    const user = await createUser()
    let request = client.post('/experts/apply').loginAs(user).withCsrfToken().header('accept', 'text/html').redirects(0)
    for (const [name, value] of Object.entries(profileForm())) request = request.field(name.replace(/\[\d+\]$/, '[]'), value)
    assertRedirect(await request.file('photo', Buffer.alloc(0), { filename: '' }), '/experts/me')
    const expert = (await profileOf(user))!
    assert.isNull(expert.photoId)
  })

  test('one application per person: applying again leads to the own profile', async ({ client, assert }) => {
    const user = await createUser()
    assertRedirect(await submitForm(client, '/experts/apply', profileForm(), user), '/experts/me')
    assertRedirect(await submitForm(client, '/experts/apply', profileForm({ organization: '另一个单位' }), user), '/experts/me')
    assertRedirect(await client.get('/experts/apply').loginAs(user).redirects(0), '/experts/me')
    assert.equal(Number((await db.from('experts_profiles').where('user_id', user.id).count('* as n').first()).n), 1)
    assert.equal((await profileOf(user))!.organization, '大邑县农业农村局')
  })

  test('a person without a name is sent to fill it in first', async ({ client, assert }) => {
    const user = await createUser()
    user.name = null
    await user.save()
    const page = await client.get('/experts/apply').loginAs(user)
    page.assertTextIncludes('申请前请先在「我的」中填写真实姓名')
    const response = await submitForm(client, '/experts/apply', profileForm(), user)
    assertRedirect(response, '/profile')
    response.assertFlashMessage('error', '申请前请先在「我的」中填写真实姓名。')
    assert.isNull(await profileOf(user))
  })
})

test.group('Expert profiles / bad input on the application', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const tenIndustries = Object.fromEntries(
    ['pig', 'tea', 'vegetable', 'liquor', 'bamboo', 'fruit', 'herb', 'cattle_sheep', 'fish', 'seed'].map((code, i) => [`other_industries[${i}]`, code])
  )
  const cases: [string, Record<string, string>, string, string][] = [
    ['no organisation', { organization: '' }, 'organization', '请填写工作单位'],
    ['markup in the organisation', { organization: '<b>农业局</b>' }, 'organization', '工作单位不能包含 < 或 >'],
    ['no level', { level: '' }, 'level', '请选择专家级别'],
    ['an unknown level', { level: 'village' }, 'level', '请选择县级、市级或省级'],
    ['no county', { county_code: '' }, 'county_code', '请选择服务区县'],
    ['a county outside Sichuan', { county_code: '110101' }, 'county_code', '请选择四川省内的区县'],
    ['a city instead of a county', { county_code: '510100' }, 'county_code', '请选择四川省内的区县'],
    ['no main industry', { industry: '' }, 'industry', '请选择主要产业'],
    ['a main industry outside 10+3', { industry: 'rice' }, 'industry', '请从“10+3”产业中选择主要产业'],
    ['ten other industries', tenIndustries, 'other_industries', '其他产业最多选 2 个'],
    ['another industry outside 10+3', { 'other_industries[0]': 'opium' }, 'other_industries', '其他产业只能从“10+3”产业中选择'],
    ['no specialties', { specialties: '' }, 'specialties', '请填写专长'],
    ['a 501-character bio', { bio: '好'.repeat(501) }, 'bio', '个人简介不能超过 500 个字'],
  ]
  for (const [label, overrides, field, message] of cases) {
    test(`${label}: a Chinese message on the field, the rest kept, nothing stored`, async ({ client, assert }) => {
      const user = await createUser()
      const form = profileForm(overrides)
      const response = await submitForm(client, '/experts/apply', form, user)
      response.assertStatus(302)
      assert.include(fieldErrors(response, field), message)
      if (field !== 'specialties') response.assertFlashMessage('specialties', form.specialties)
      if (field !== 'organization') response.assertFlashMessage('organization', form.organization)
      assert.isNull(await profileOf(user))
    })
  }

  test('a photo that is not an image: message next to the photo, fields kept, nothing stored', async ({ client, assert }) => {
    const user = await createUser()
    const response = await postWithPhoto(client, '/experts/apply', user, profileForm(), HTML_AS_JPG, 'photo.jpg')
    response.assertStatus(302)
    assert.deepEqual(fieldErrors(response, 'photo'), ['只能上传照片（JPG/PNG/WebP/GIF），且不超过 15 MB'])
    response.assertFlashMessage('organization', '大邑县农业农村局')
    response.assertFlashMessage('bio', '从事水稻栽培技术推广二十年。')
    assert.isNull(await profileOf(user))
    assert.equal(Number((await db.from('media').where('owner_id', user.id).count('* as n').first()).n), 0)
  })

  test('after a failed submit the form shows what was typed and the message', async ({ client, assert }) => {
    const user = await createUser()
    const failed = await submitForm(client, '/experts/apply', profileForm({ industry: 'rice', 'other_industries[0]': 'tea' }), user)
    const page = await client.get('/experts/apply').loginAs(user).withSession(failed.session()).withFlashMessages(failed.flashMessages())
    const html = page.text()
    assert.include(html, '请从“10+3”产业中选择主要产业')
    assert.include(html, 'value="大邑县农业农村局"')
    assert.include(html, '>水稻病虫害防治、测土配方施肥</textarea>')
    assert.match(html, /value="tea" checked/)
    assert.match(html, /<option value="510129" selected>/)
  })
})

test.group('Expert profiles / editing one’s own', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the page says which changes send the profile back to review', async ({ client, assert }) => {
    const { user } = await makeExpert({ county: '510129' })
    const page = await client.get('/experts/me').loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('已认证')
    page.assertTextIncludes('修改专家级别、服务区县或产业后，资料需要运管中心重新审核')
    assert.match(page.text(), /<form method="POST" action="\/experts\/me" enctype="multipart\/form-data"/)
  })

  test('without a profile, /experts/me leads to the application', async ({ client }) => {
    assertRedirect(await client.get('/experts/me').loginAs(await createUser()).redirects(0), '/experts/apply')
  })

  test('changing the organisation keeps a verified profile verified and refreshes its index entry', async ({ client, assert }) => {
    const { user, expert } = await makeExpert({ county: '510129', industries: ['grain_oil', 'vegetable'], organization: '大邑县农业农村局' })
    const response = await submitForm(client, '/experts/me', profileForm({ organization: '四川农业大学' }), user)
    assertRedirect(response, '/experts/me')
    response.assertFlashMessage('success', '已保存')
    await expert.refresh()
    assert.equal(expert.status, 'verified')
    assert.equal(expert.organization, '四川农业大学')
    assert.include((await indexed(expert)).text, '四川农业大学')
    const entry = await db.from('audit_log').where({ action: 'expert.profile_update', subject_id: String(expert.id) }).first()
    assert.deepEqual(entry.changes.organization, { old: '大邑县农业农村局', new: '四川农业大学' })
  })

  for (const [label, overrides] of [
    ['the county', { county_code: '510131' }],
    ['the level', { level: 'city' }],
    ['the industries', { 'other_industries[0]': 'tea' }],
  ] as const) {
    test(`changing ${label} sends a verified profile back to review and out of 找专家`, async ({ client, assert }) => {
      const { user, expert } = await makeExpert({ county: '510129', industries: ['grain_oil', 'vegetable'] })
      const response = await submitForm(client, '/experts/me', profileForm(overrides), user)
      assertRedirect(response, '/experts/me')
      response.assertFlashMessage('success', '已保存。资料已重新提交审核，审核通过前您不会出现在「找专家」中。')
      await expert.refresh()
      assert.equal(expert.status, 'pending')
      assert.isNull(await indexed(expert))
      ;(await client.get(`/experts/${expert.id}`)).assertStatus(404)
    })
  }

  test('editing a rejected profile resubmits it', async ({ client, assert }) => {
    const { user, expert } = await makeExpert({ county: '510129', status: 'rejected' })
    expert.rejectionReason = '请补充职称证明'
    await expert.save()
    ;(await client.get('/experts/me').loginAs(user)).assertTextIncludes('未通过审核，理由：请补充职称证明')
    assertRedirect(await submitForm(client, '/experts/me', profileForm({ title: '研究员' }), user), '/experts/me')
    await expert.refresh()
    assert.equal(expert.status, 'pending')
    assert.isNull(expert.rejectionReason)
  })

  test('a new photo replaces the old one, which is deleted', async ({ client, assert }) => {
    const user = await createUser()
    assertRedirect(await postWithPhoto(client, '/experts/apply', user, profileForm(), await smallPhoto()), '/experts/me')
    const first = (await profileOf(user))!.photoId!
    assertRedirect(await postWithPhoto(client, '/experts/me', user, profileForm(), await smallPhoto({ format: 'png' })), '/experts/me')
    const expert = (await profileOf(user))!
    assert.notEqual(expert.photoId, first)
    assert.isNull(await Media.find(first))
    assert.isNotNull(await Media.find(expert.photoId!))
  })

  test('bad input on the edit form changes nothing', async ({ client, assert }) => {
    const { user, expert } = await makeExpert({ county: '510129', organization: '大邑县农业农村局' })
    const response = await submitForm(client, '/experts/me', profileForm({ county_code: '110101', organization: '新单位' }), user)
    assert.include(fieldErrors(response, 'county_code'), '请选择四川省内的区县')
    response.assertFlashMessage('organization', '新单位')
    await expert.refresh()
    assert.equal(expert.organization, '大邑县农业农村局')
    assert.equal(expert.status, 'verified')
  })
})

test.group('Expert profiles / availability', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no-JS: away until a date, with a maximum of open cases', async ({ client, assert }) => {
    const { user, expert } = await makeExpert({ county: '510129' })
    const until = day(3)
    const response = await submitForm(client, '/experts/me/availability', { availability: 'away', away_until: until, max_open_cases: '5' }, user)
    assertRedirect(response, '/experts/me')
    response.assertFlashMessage('success', '接单设置已保存')
    await expert.refresh()
    assert.equal(expert.awayUntil!.toISODate(), until)
    assert.isTrue(expert.onDuty)
    assert.equal(expert.maxOpenCases, 5)
    const page = await client.get('/experts/me').loginAs(user)
    page.assertTextIncludes(`外出至 ${until}`)
    page.assertTextIncludes('正在处理 0 件，最多同时处理 5 件')
  })

  test('htmx: the status fragment; back on duty clears the date', async ({ client, assert }) => {
    const { user, expert } = await makeExpert({ county: '510129' })
    const away = await client
      .post('/experts/me/availability')
      .loginAs(user)
      .withCsrfToken()
      .header('HX-Request', 'true')
      .form({ availability: 'away', away_until: day(0), max_open_cases: '10' })
    away.assertStatus(200)
    assert.notInclude(away.text(), '<html')
    away.assertTextIncludes('接单设置已保存')
    away.assertTextIncludes(`外出至 ${day(0)}`)

    const back = await client.post('/experts/me/availability').loginAs(user).withCsrfToken().header('HX-Request', 'true').form({ availability: 'on_duty', away_until: day(2), max_open_cases: '10' })
    back.assertTextIncludes('在岗')
    await expert.refresh()
    assert.isNull(expert.awayUntil)
  })

  const cases: [string, Record<string, string>, string, string][] = [
    ['an away date in the past', { availability: 'away', away_until: day(-1), max_open_cases: '10' }, 'away_until', '返回日期不能早于今天'],
    ['away without a date', { availability: 'away', away_until: '', max_open_cases: '10' }, 'away_until', '选择外出时请填写返回日期'],
    ['a date that is not one', { availability: 'away', away_until: '2026-02-30', max_open_cases: '10' }, 'away_until', '请按“年-月-日”填写返回日期'],
    ['an away date more than a year off', { availability: 'away', away_until: day(400), max_open_cases: '10' }, 'away_until', '返回日期不能超过一年以后'],
    ['no maximum', { availability: 'on_duty', max_open_cases: '' }, 'max_open_cases', '请填写最多同时处理的案件数'],
    ['a maximum of 0', { availability: 'on_duty', max_open_cases: '0' }, 'max_open_cases', '最多同时处理的案件数须在 1 到 50 之间'],
    ['a maximum of 51', { availability: 'on_duty', max_open_cases: '51' }, 'max_open_cases', '最多同时处理的案件数须在 1 到 50 之间'],
    ['a maximum of 2.5', { availability: 'on_duty', max_open_cases: '2.5' }, 'max_open_cases', '最多同时处理的案件数须是 1 到 50 的整数'],
    ['an unknown state', { availability: 'sleeping', max_open_cases: '10' }, 'availability', '请选择在岗或外出'],
  ]
  for (const [label, form, field, message] of cases) {
    test(`${label}: a Chinese message (no-JS and htmx), nothing changed`, async ({ client, assert }) => {
      const { user, expert } = await makeExpert({ county: '510129' })
      const response = await submitForm(client, '/experts/me/availability', form, user)
      assert.include(fieldErrors(response, field), message)
      const fragment = await client.post('/experts/me/availability').loginAs(user).withCsrfToken().header('HX-Request', 'true').form(form)
      fragment.assertStatus(422)
      fragment.assertTextIncludes(message)
      await expert.refresh()
      assert.isNull(expert.awayUntil)
      assert.equal(expert.maxOpenCases, 10)
    })
  }
})
