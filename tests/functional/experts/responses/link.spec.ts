import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { HOUR, clock } from '#core/clock'
import Notification from '#core/notifications/notification'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import { caseLinkPath, signCaseLink } from '#modules/experts/shared/case_links'
import Consultation from '#modules/experts/models/consultation'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import Expert from '#modules/experts/models/expert'
import { runTriage } from '#modules/experts/triage/jobs'
import { attachPhoto, eventsOf } from '#tests/fixtures/experts/triage'
import { makeExpert, type ExpertOptions } from '#tests/fixtures/experts/profiles'
import { makeCase } from '#tests/fixtures/experts/consultations'

/** A case with a photo, assigned by triage to a (new) expert; `link` is the path the SMS carries. */
async function assignedCase(options: { expert?: ExpertOptions; text?: string } = {}) {
  const { expert } = await makeExpert(options.expert)
  const consultation = await makeCase({ state: 'awaiting_triage', text: options.text })
  const reporter = await consultation.related('reporter').query().firstOrFail()
  const photo = await attachPhoto(consultation, reporter)
  await runTriage({ consultationId: consultation.id })
  await consultation.refresh()
  if (Number(consultation.expertId) !== Number(expert.id)) throw new Error('fixture: triage chose someone else')
  return { expert, consultation, reporter, photo, link: caseLinkPath(consultation.id, 'expert', Number(expert.id)) }
}

/** A post from the link page without a session, as a browser without JavaScript sends it. */
function post(client: any, url: string, form: Record<string, string>) {
  return submitForm(client, url, form)
}

/** The same post made by htmx. */
function htmxPost(client: any, url: string, form: Record<string, string>) {
  return client.post(url).header('HX-Request', 'true').withCsrfToken().form(form).redirects(0)
}

test.group('Expert link / the page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('opens without login: the case, its photo through the link’s own route, the actions, no navigation', async ({ client, assert }) => {
    const { link, photo, consultation } = await assignedCase({ text: '玉米叶片上有长条形灰褐色病斑，下部叶片先发病，需要怎么处理？' })
    const page = await client.get(link)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '玉米叶片上有长条形灰褐色病斑')
    assert.include(html, `案件编号 ${consultation.id} · 川粮油`)
    assert.include(html, '成都市 锦江区')
    assert.match(html, /剩余 [23] 小时 \d+ 分响应/)
    assert.notInclude(html, 'class="tabbar"')
    assert.include(html, `src="${link}/media/${photo.publicId}/thumb"`)
    for (const action of ['accept', 'answer', 'ask', 'decline']) assert.include(html, `action="${link}/${action}"`)
    assert.include(html, "name='_csrf'")

    const thumb = await client.get(`${link}/media/${photo.publicId}/thumb`)
    thumb.assertStatus(200)
    thumb.assertHeader('content-type', 'image/webp')
    // The file itself stays private: the general media route does not serve it to a guest.
    ;(await client.get(`/media/${photo.publicId}/thumb`)).assertStatus(404)
  })

  test('an expert answers from the link without login; the case becomes a solved case and the reporter is told', async ({ client, assert }) => {
    const { link, consultation, expert, reporter } = await assignedCase()
    const response = await post(client, `${link}/answer`, { answer: '这是稻瘟病。发病初期用三环唑或稻瘟灵喷雾，7天一次，连喷2次。' })
    assertRedirect(response, link)
    response.assertFlashMessage('success', '解答已提交，报告人会收到通知')

    await consultation.refresh()
    assert.equal(consultation.state, 'answering')
    assert.isNotNull(consultation.answeredAt)
    assert.isNotNull(consultation.firstResponseAt)
    const [answer] = await ConsultationMessage.query().where('consultation_id', consultation.id)
    assert.equal(answer.kind, 'answer')
    assert.equal(answer.authorRole, 'expert')
    assert.equal(Number(answer.authorId), Number(expert.userId))
    const indexed = await db.from('text_documents').where({ source_type: 'consultation', source_id: String(consultation.id) }).first()
    assert.isNotNull(indexed, 'indexed as a solved case')
    assert.includeMembers((await eventsOf(consultation)).map((row) => row.kind), ['answered'])
    assert.isAbove((await Notification.query().where('user_id', reporter.id)).length, 0)

    const page = await client.get(link)
    page.assertTextIncludes('三环唑或稻瘟灵')
    page.assertTextIncludes('补充解答')
  })

  test('an answer with photos: stored privately, attached to the answer, shown through the link and to the reporter', async ({ client, assert }) => {
    const { link, consultation, reporter } = await assignedCase()
    const response = await client
      .post(`${link}/answer`)
      .header('accept', 'text/html')
      .withCsrfToken()
      .field('answer', '叶片背面有白色霉层，是霜霉病，用烯酰吗啉喷雾。')
      .file('photos', await smallPhoto(), { filename: 'leaf.jpg' })
      .file('photos', await smallPhoto({ format: 'png' }), { filename: 'leaf2.png' })
      .redirects(0)
    assertRedirect(response, link)
    const [answer] = await ConsultationMessage.query().where('consultation_id', consultation.id)
    const attached = await db.from('experts_consultation_media').where('message_id', answer.id).join('media', 'media.id', 'experts_consultation_media.media_id').select('media.*')
    assert.lengthOf(attached, 2)
    assert.equal(attached[0].visibility, 'private')
    const page = await client.get(link)
    page.assertTextIncludes(`${link}/media/${attached[0].public_id}/thumb`)
    ;(await client.get(`${link}/media/${attached[0].public_id}/full`)).assertStatus(200)
    // The reporter sees them on the case page through the media service; a stranger does not.
    ;(await client.get(`/media/${attached[0].public_id}/thumb`).loginAs(reporter)).assertStatus(200)
    ;(await client.get(`/media/${attached[0].public_id}/thumb`).loginAs(await createUser())).assertStatus(404)
  })

  test('htmx: accept, ask and answer each answer with the case fragment', async ({ client, assert }) => {
    const { link, consultation, expert } = await assignedCase()
    const accepted = await htmxPost(client, `${link}/accept`, {})
    accepted.assertStatus(200)
    assert.notInclude(accepted.text(), '<html')
    assert.match(accepted.text(), /^\s*(\{\{--.*?--\}\})?\s*<div id="expert-case">/s)
    assert.include(accepted.text(), '已接单，请尽快解答')
    assert.notInclude(accepted.text(), `action="${link}/accept"`, 'accepted once, the button is gone')
    await consultation.refresh()
    assert.isNotNull(consultation.firstResponseAt)
    const acceptedAt = consultation.firstResponseAt!.toMillis()

    const asked = await htmxPost(client, `${link}/ask`, { question: '发病面积多大？之前用过什么药？' })
    asked.assertStatus(200)
    assert.include(asked.text(), '提问已发送')
    assert.include(asked.text(), '发病面积多大')
    await consultation.refresh()
    assert.equal(consultation.firstResponseAt!.toMillis(), acceptedAt, 'the first response stays the first')

    const answered = await htmxPost(client, `${link}/answer`, { answer: '按稻瘟病防治：三环唑喷雾，间隔7天。' })
    answered.assertStatus(200)
    assert.include(answered.text(), '解答已提交')
    const kinds = (await eventsOf(consultation)).filter((row) => Number(row.expert_id) === Number(expert.id)).map((row) => row.kind)
    assert.includeMembers(kinds, ['accepted', 'question_asked', 'answered'])
  })

  test('asking the reporter counts as the first response: no reassignment at the deadline', async ({ client, assert }) => {
    const { link, consultation, expert } = await assignedCase()
    await makeExpert()
    assertRedirect(await post(client, `${link}/ask`, { question: '是哪个品种？' }), link)
    const { sweepDeadlines } = await import('#modules/experts/triage/sweep_deadlines')
    clock.travel(4 * HOUR)
    assert.equal((await sweepDeadlines()).missed, 0)
    await consultation.refresh()
    assert.equal(Number(consultation.expertId), Number(expert.id))
    const [question] = await ConsultationMessage.query().where('consultation_id', consultation.id)
    assert.equal(question.kind, 'question')
  })

  test('bad input: a Chinese message next to the field, nothing stored (no-JS and htmx)', async ({ client, assert }) => {
    const { link, consultation } = await assignedCase()
    const short = await post(client, `${link}/answer`, { answer: '喷药' }).header('referer', link)
    assertRedirect(short, link)
    assert.deepEqual(fieldErrors(short, 'answer'), ['解答内容至少 5 个字'])

    const empty = await htmxPost(client, `${link}/decline`, { reason: '' })
    empty.assertStatus(422)
    empty.assertHeader('hx-retarget', '#f-reason-status')
    assert.include(empty.text(), '请填写原因')

    const long = await htmxPost(client, `${link}/ask`, { question: '问'.repeat(1001) })
    long.assertStatus(422)
    assert.include(long.text(), '提问内容不能超过 1000 个字')

    const notPhoto = await client
      .post(`${link}/answer`)
      .header('HX-Request', 'true')
      .withCsrfToken()
      .field('answer', '这是一个足够长的解答内容。')
      .file('photos', Buffer.from('<html>not a photo</html>'), { filename: 'leaf.jpg' })
    notPhoto.assertStatus(422)
    notPhoto.assertHeader('hx-retarget', '#f-photos-status')

    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    assert.lengthOf(await ConsultationMessage.query().where('consultation_id', consultation.id), 0)
  })

  test('after the answer the expert and the reporter talk on the page (plain messages, htmx polling)', async ({ client, assert }) => {
    const { link, consultation } = await assignedCase()
    await post(client, `${link}/answer`, { answer: '先排水晒田，再用三环唑。' })
    const page = await client.get(link)
    page.assertTextIncludes(`hx-get="${link}/messages"`)
    assertRedirect(await post(client, `${link}/messages`, { body: '用药后三天再看看，有变化请拍照。' }), `${link}#conversation`)
    const polled = await client.get(`${link}/messages`).header('HX-Request', 'true')
    polled.assertStatus(200)
    assert.include(polled.text(), '用药后三天再看看')
    const kinds = (await ConsultationMessage.query().where('consultation_id', consultation.id).orderBy('id')).map((m) => m.kind)
    assert.deepEqual(kinds, ['answer', 'message'])
  })
})

test.group('Expert link / refusals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('declining with a reason hands the case on; the old link then says it went to another expert', async ({ client, assert }) => {
    const { link, consultation, expert } = await assignedCase()
    const { expert: next } = await makeExpert({ name: '下一位专家' })
    const response = await post(client, `${link}/decline`, { reason: '近期在外地出差' })
    assertRedirect(response, link)
    response.assertFlashMessage('success', '已退回，案件将转给其他专家')

    await consultation.refresh()
    assert.equal(Number(consultation.expertId), Number(next.id))
    const events = await eventsOf(consultation)
    const declined = events.find((row) => row.kind === 'declined')
    assert.equal(declined.reason, '近期在外地出差')
    assert.equal(Number(declined.expert_id), Number(expert.id))
    assert.equal(events.at(-1).kind, 'reassigned')
    assert.include(events.at(-1).reason, '原专家退回')
    assert.equal((await Expert.findOrFail(expert.id)).openCases, 0)

    const page = await client.get(link)
    page.assertStatus(410)
    page.assertTextIncludes('此案件已转给其他专家')

    const late = await post(client, `${link}/answer`, { answer: '迟到的解答，不应保存。' })
    late.assertStatus(410)
    assert.lengthOf(await ConsultationMessage.query().where('consultation_id', consultation.id), 0)
    const htmxLate = await htmxPost(client, `${link}/accept`, {})
    htmxLate.assertHeader('hx-refresh', 'true')
  })

  test('a tampered link is refused in Chinese and changes nothing', async ({ client, assert }) => {
    const { link, consultation } = await assignedCase()
    const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A')
    const page = await client.get(tampered)
    page.assertStatus(403)
    page.assertTextIncludes('链接无效')
    assert.notInclude(page.text(), consultation.text)

    const accept = await post(client, `${tampered}/accept`, {})
    accept.assertStatus(403)
    await consultation.refresh()
    assert.isNull(consultation.firstResponseAt)
    ;(await client.get(`/l/${consultation.id}/garbage`)).assertStatus(403)
  })

  test('an expired link is refused (72 hours), and says where to look instead', async ({ client }) => {
    const { link } = await assignedCase()
    clock.travel(71 * HOUR)
    ;(await client.get(link)).assertStatus(200)
    clock.travel(2 * HOUR)
    const page = await client.get(link)
    page.assertStatus(410)
    page.assertTextIncludes('链接已过期')
    page.assertTextIncludes('/expert/cases')
  })

  test('a link works for its own case only, and for the expert only', async ({ client, assert }) => {
    const first = await assignedCase()
    const second = await assignedCase()
    const token = first.link.split('/').at(-1)!
    const foreign = await client.get(`/l/${second.consultation.id}/${token}`)
    foreign.assertStatus(403)
    assert.notInclude(foreign.text(), `/l/${second.consultation.id}/${token}/accept`)
    assert.notInclude(foreign.text(), second.photo.publicId)
    ;(await client.get(`${first.link}/media/${second.photo.publicId}/thumb`)).assertStatus(404)

    // The farmer's token of the same case does not open the expert's page.
    const farmerToken = signCaseLink(first.consultation.id, 'farmer', 0)
    ;(await client.get(`/l/${first.consultation.id}/${farmerToken}`)).assertStatus(403)
  })

  test('a post without the page’s CSRF token is refused', async ({ client, assert }) => {
    const { link, consultation } = await assignedCase()
    const response = await client.post(`${link}/accept`).header('accept', 'text/html').form({}).redirects(0)
    response.assertStatus(419)
    await consultation.refresh()
    assert.isNull(consultation.firstResponseAt)
  })
})

test.group('我的案件', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('an expert sees only their own cases; another expert’s case is not found', async ({ client, assert }) => {
    const mine = await assignedCase({ text: '我的案件：茶树叶片发黄脱落，茶园里很多，请问是什么原因？' })
    const { expert: other } = await makeExpert()
    const theirs = await makeCase({ state: 'awaiting_triage', text: '别人的案件：柑橘叶片卷曲，有蚜虫，怎么办比较好？' })
    await Consultation.query().where('id', theirs.id).update({ state: 'assigned', expert_id: other.id })

    const page = await client.get('/expert/cases').loginAs(mine.expert.user)
    page.assertStatus(200)
    assert.include(page.text(), `/expert/cases/${mine.consultation.id}`)
    assert.include(page.text(), '我的案件：茶树叶片发黄')
    assert.notInclude(page.text(), '别人的案件')
    assert.match(page.text(), /剩余 [23] 小时 \d+ 分响应/)

    const fragment = await client.get('/expert/cases').header('HX-Request', 'true').loginAs(mine.expert.user)
    assert.notInclude(fragment.text(), '<html')
    assert.match(fragment.text(), /^\s*(\{\{--.*?--\}\})?\s*<div id="my-cases">/s)

    ;(await client.get(`/expert/cases/${theirs.id}`).loginAs(mine.expert.user)).assertStatus(404)
    const foreign = await submitForm(client, `/expert/cases/${theirs.id}/accept`, {}, mine.expert.user)
    foreign.assertStatus(404)
    await theirs.refresh()
    assert.isNull(theirs.firstResponseAt)
  })

  test('nobody else has a 我的案件: a person without an expert profile gets 403, a guest the login page', async ({ client }) => {
    const farmer = await createUser()
    const page = await client.get('/expert/cases').loginAs(farmer)
    page.assertStatus(403)
    page.assertTextIncludes('供已认证的专家使用')
    assertRedirect(await client.get('/expert/cases').redirects(0), '/login')
  })

  test('the same case page and actions as the link: accept without JS, answer with htmx, photos by a signed link', async ({ client, assert }) => {
    const { consultation, expert, photo } = await assignedCase()
    const page = await client.get(`/expert/cases/${consultation.id}`).loginAs(expert.user)
    page.assertStatus(200)
    assert.include(page.text(), 'class="tabbar"', 'the site’s own page, with navigation')
    assert.match(page.text(), new RegExp(`src="/l/${consultation.id}/[^/"]+/media/${photo.publicId}/thumb"`))
    assert.include(page.text(), `action="/expert/cases/${consultation.id}/accept"`)

    assertRedirect(await submitForm(client, `/expert/cases/${consultation.id}/accept`, {}, expert.user), `/expert/cases/${consultation.id}`)
    await consultation.refresh()
    assert.isNotNull(consultation.firstResponseAt)

    const answered = await client
      .post(`/expert/cases/${consultation.id}/answer`)
      .header('HX-Request', 'true')
      .withCsrfToken()
      .form({ answer: '是缺钾引起的叶片发黄，追施钾肥。' })
      .loginAs(expert.user)
    answered.assertStatus(200)
    assert.include(answered.text(), '<div id="expert-case">')
    assert.include(answered.text(), '解答已提交')
    await consultation.refresh()
    assert.equal(consultation.state, 'answering')
  })

  test('declining from 我的案件 returns to the list (htmx: a redirect header)', async ({ client, assert }) => {
    const first = await assignedCase()
    await makeExpert()
    const response = await submitForm(client, `/expert/cases/${first.consultation.id}/decline`, { reason: '不熟悉这个品种' }, first.expert.user)
    assertRedirect(response, '/expert/cases')
    await first.consultation.refresh()
    assert.notEqual(Number(first.consultation.expertId), Number(first.expert.id))

    const second = await assignedCase()
    await makeExpert()
    const htmx = await client
      .post(`/expert/cases/${second.consultation.id}/decline`)
      .header('HX-Request', 'true')
      .withCsrfToken()
      .form({ reason: '本周外出' })
      .loginAs(second.expert.user)
    htmx.assertHeader('hx-redirect', '/expert/cases')
  })
})
