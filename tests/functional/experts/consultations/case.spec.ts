import { gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { clock, HOUR, MINUTE } from '#core/clock'
import Media from '#core/media/media'
import { storePhoto } from '#core/media/media_service'
import Notification from '#core/notifications/notification'
import SmsMessage from '#core/sms/sms_message'
import { actingAs } from '#core/accounts/acting'
import { ReviewItem } from '#core/moderation/models'
import { decideReview } from '#core/moderation/reviews'
import { caseLinkPath } from '#modules/experts/shared/case_links'
import Consultation from '#modules/experts/models/consultation'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import { indexConsultation } from '#modules/experts/shared/index_consultation'
import { smallPhoto, uploadFrom } from '#tests/fixtures/media/generate'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import {
  advance,
  farmer,
  importSolvedCases,
  infoOfficer,
  listWord,
  newKey,
  postReport,
  RICE_BLAST,
  staffOf,
  makeCase,
  writeMessage,
} from '#tests/fixtures/experts/consultations'
import { makeExpert } from '#tests/fixtures/experts/profiles'

/** How many rows a query matches. */
const countOf = async (query: any) => Number((await query.count('* as n'))[0].$extras.n)

const eventsOf = async (consultation: Consultation) =>
  (await ConsultationEvent.query().where('consultation_id', consultation.id).orderBy('id')).map((event) => event.kind)

/** The pending review entry of a held subject, decided as a platform admin would. */
async function decide(subjectType: string, subjectId: number, decision: 'approved' | 'rejected', reason: string | null = null) {
  const item = await ReviewItem.query().where({ subjectType, subjectId, status: 'pending' }).firstOrFail()
  const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
  return decideReview(await actingAs(admin, '127.0.0.1'), item.id, decision, reason)
}

test.group('Case page / who may see a case', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the reporter sees state, deadline in words, photos and the timeline; similar cases with both choices', async ({ client, assert }) => {
    await importSolvedCases()
    const reporter = await farmer('510129')
    await postReport(client, reporter, { text: RICE_BLAST, county_code: '510129', idempotency_key: newKey() }, [
      { name: 'photos[]', bytes: await smallPhoto(), filename: 'leaf.jpg' },
    ])
    const consultation = await Consultation.query().where('reporter_id', reporter.id).firstOrFail()
    const page = await client.get(`/consultations/${consultation.id}`).loginAs(reporter)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '已提交')
    assert.include(html, '下一步：先看看类似的已解决案例')
    assert.include(html, '大邑县')
    assert.include(html, '川粮油')
    assert.match(html, /<img src="\/media\/[A-Za-z0-9_-]{22}\/thumb"/)
    assert.include(html, '提交需求', 'timeline entry of the submitted event')
    // Only confident suggestions (MIN_SCORE), at most five, each with its 这个解决了我的问题.
    const offered = (html.match(/name="similar_document_id"/g) ?? []).length
    assert.isAtLeast(offered, 1)
    assert.isAtMost(offered, 5)
    assert.include(html, `action="/consultations/${consultation.id}/ask-expert"`)
    assert.include(html, 'hx-trigger="every 15s"')
    assert.include(html, `data-draft-key="${consultation.idempotencyKey}"`)
    assert.isBelow(gzipSync(html).length, 15 * 1024)

    clock.travel(35 * MINUTE)
    try {
      const later = await client.get(`/consultations/${consultation.id}`).loginAs(reporter)
      later.assertTextIncludes('下一步：先看看类似的已解决案例')
    } finally {
      clock.reset()
    }
  })

  test('the assigned expert and staff whose scope holds the county see it; others get 404 and learn nothing', async ({ client, assert }) => {
    const reporter = await farmer('510129')
    const consultation = await makeCase({ reporter })
    const { user: expertUser, expert } = await makeExpert({ county: '510129' })
    await advance(consultation, 'assigned', { expert })

    ;(await client.get(`/consultations/${consultation.id}`).loginAs(expertUser)).assertStatus(200)
    ;(await client.get(`/consultations/${consultation.id}`).loginAs(await staffOf('510129'))).assertStatus(200)
    ;(await client.get(`/consultations/${consultation.id}`).loginAs(await staffOf('5101'))).assertStatus(200)

    for (const outsider of [await staffOf('510104'), await staffOf('5116'), await farmer('510129'), (await makeExpert({ county: '510129' })).user]) {
      const response = await client.get(`/consultations/${consultation.id}`).loginAs(outsider)
      response.assertStatus(404)
      assert.notInclude(response.text(), RICE_BLAST)
      ;(await client.get(`/consultations/${consultation.id}/messages`).loginAs(outsider).header('HX-Request', 'true')).assertStatus(404)
    }
    assertRedirect(await client.get(`/consultations/${consultation.id}`).redirects(0), '/login')
  })

  test('a case photo is served to the assigned expert (registered viewer) and not to another expert', async ({ client }) => {
    const reporter = await farmer('510129')
    await postReport(client, reporter, { text: RICE_BLAST, county_code: '510129', idempotency_key: newKey() }, [
      { name: 'photos[]', bytes: await smallPhoto(), filename: 'leaf.jpg' },
    ])
    const consultation = await Consultation.query().where('reporter_id', reporter.id).firstOrFail()
    const photo = await Media.query().where('subject_id', consultation.id).firstOrFail()
    const { user: expertUser, expert } = await makeExpert({ county: '510129' })
    await advance(consultation, 'assigned', { expert })
    ;(await client.get(photo.url('thumb')).loginAs(expertUser)).assertStatus(200)
    ;(await client.get(photo.url('thumb')).loginAs((await makeExpert({ county: '510129' })).user)).assertStatus(404)
  })

  test('"我的需求": only one’s own cases, newest first, paginated, htmx list fragment, empty state', async ({ client, assert }) => {
    const entity = await createUser({ county: '511623', roles: ['market_entity'] })
    const other = await createUser({ county: '511623', roles: ['market_entity'] })
    const theirs = await makeCase({ reporter: other, text: '邻水县的柑橘叶片卷曲发黄，树上有很多蚜虫，怎么办？' })
    const empty = await client.get('/consultations').loginAs(entity)
    empty.assertStatus(200)
    empty.assertTextIncludes('还没有提交过需求')

    const mine = []
    for (let i = 0; i < 21; i++) mine.push(await makeCase({ reporter: entity, text: `第${i}号问题：水稻叶片发黄有褐色斑点，怎么防治？` }))
    const first = await client.get('/consultations').loginAs(entity)
    assert.include(first.text(), '<html')
    assert.lengthOf(first.text().match(/href="\/consultations\/\d+"/g) ?? [], 20)
    assert.include(first.text(), `/consultations/${mine[20].id}"`)
    assert.notInclude(first.text(), `/consultations/${theirs.id}"`)
    assert.include(first.text(), '?page=2')

    const second = await client.get('/consultations?page=2').loginAs(entity).header('HX-Request', 'true')
    assert.notInclude(second.text(), '<html')
    assert.lengthOf(second.text().match(/href="\/consultations\/\d+"/g) ?? [], 1)
    ;(await client.get(`/consultations/${theirs.id}`).loginAs(entity)).assertStatus(404)
  })
})

test.group('Case page / 找类似 after submit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('"这个解决了我的问题" ends the case as resolved_by_similar, remembering the case; a second click changes nothing', async ({ client, assert }) => {
    const [documentId] = await importSolvedCases()
    const reporter = await infoOfficer()
    const consultation = await makeCase({ reporter, farmer: { name: '王大田', phone: '13812340002' } })
    const response = await submitForm(client, `/consultations/${consultation.id}/resolved`, { similar_document_id: String(documentId) }, reporter)
    assertRedirect(response, `/consultations/${consultation.id}`)
    await consultation.refresh()
    assert.equal(consultation.state, 'resolved_by_similar')
    assert.equal(Number(consultation.similarDocumentId), documentId)
    assert.isNotNull(consultation.closedAt)
    assert.deepEqual(await eventsOf(consultation), ['submitted', 'resolved_by_similar'])

    const again = await submitForm(client, `/consultations/${consultation.id}/ask-expert`, {}, reporter)
    assert.equal(again.flashMessages().error, '这个需求已经在处理中，不能再更改')
    await consultation.refresh()
    assert.equal(consultation.state, 'resolved_by_similar')
    const page = await client.get(`/consultations/${consultation.id}`).loginAs(reporter)
    page.assertTextIncludes('已通过类似案例解决')
    assert.notInclude(page.text(), 'name="similar_document_id"')
  })

  test('"没有解决，请专家解答" sends it to triage at once, keeping the deadline set at submission', async ({ client, assert }) => {
    const reporter = await farmer()
    const consultation = await makeCase({ reporter })
    const due = consultation.triageDueAt!.toMillis()
    clock.travel(3 * MINUTE)
    try {
      assertRedirect(await submitForm(client, `/consultations/${consultation.id}/ask-expert`, {}, reporter), `/consultations/${consultation.id}`)
    } finally {
      clock.reset()
    }
    await consultation.refresh()
    assert.equal(consultation.state, 'awaiting_triage')
    assert.equal(consultation.triageDueAt!.toMillis(), due)
    assert.deepEqual(await eventsOf(consultation), ['submitted', 'entered_triage'])
  })

  test('only the reporter chooses: staff who may see the case get 403, others 404; a private or unknown document is refused', async ({ client, assert }) => {
    const [documentId] = await importSolvedCases()
    const reporter = await farmer()
    const consultation = await makeCase({ reporter })
    ;(await submitForm(client, `/consultations/${consultation.id}/resolved`, { similar_document_id: String(documentId) }, await staffOf('510129'))).assertStatus(403)
    ;(await submitForm(client, `/consultations/${consultation.id}/ask-expert`, {}, await farmer())).assertStatus(404)

    await db.from('text_documents').where('id', documentId).update({ public: false })
    const response = await submitForm(client, `/consultations/${consultation.id}/resolved`, { similar_document_id: String(documentId) }, reporter)
    assert.equal(response.flashMessages().error, '这个需求已经在处理中，不能再更改')
    await consultation.refresh()
    assert.equal(consultation.state, 'submitted')
    ;(await client.get(`/cases/${documentId}`)).assertStatus(404)
  })
})

test.group('Case page / the farmer’s SMS link', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('opens its case without login and without navigation; the case’s photo is served through the link', async ({ client, assert }) => {
    const officer = await infoOfficer()
    await postReport(
      client,
      officer,
      { text: RICE_BLAST, county_code: '510129', farmer_name: '王大田', farmer_phone: '13812340003', idempotency_key: newKey() },
      [{ name: 'photos[]', bytes: await smallPhoto(), filename: 'leaf.jpg' }]
    )
    const consultation = await Consultation.query().where('reporter_id', officer.id).firstOrFail()
    const sms = await SmsMessage.query().where('phone', '13812340003').firstOrFail()
    const path = /(\/f\/\S+)$/.exec(sms.body!)![1]
    const page = await client.get(path)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, RICE_BLAST)
    assert.include(html, '信息员替您报的需求')
    assert.notInclude(html, 'class="tabbar"')
    assert.notInclude(html, 'href="/"')
    const photo = /<img src="(\/f\/[^"]+\/thumb)"/.exec(html)![1]
    ;(await client.get(photo)).assertStatus(200)
    const media = await Media.query().where('subject_id', consultation.id).firstOrFail()
    ;(await client.get(media.url('thumb'))).assertStatus(404)
  })

  test('a tampered link, another case’s link, an expert’s link are refused (403); an expired one gets 410', async ({ client, assert }) => {
    const officer = await infoOfficer()
    const consultation = await makeCase({ reporter: officer, farmer: { name: '王大田', phone: '13812340004' } })
    const other = await makeCase({ reporter: officer, farmer: { name: '李二', phone: '13812340005' } })
    const path = caseLinkPath(Number(consultation.id), 'farmer', 0)
    const token = path.split('/').pop()!

    const tampered = await client.get(path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A'))
    tampered.assertStatus(403)
    tampered.assertTextIncludes('链接无效')
    assert.notInclude(tampered.text(), RICE_BLAST)
    ;(await client.get(`/f/${other.id}/${token}`)).assertStatus(403)
    ;(await client.get(caseLinkPath(Number(consultation.id), 'expert', 1).replace('/l/', '/f/'))).assertStatus(403)
    ;(await client.get(`/f/${consultation.id}/garbage`)).assertStatus(403)

    // A photo of another case through this case's link: 404.
    const photo = await storePhoto(await uploadFrom(await smallPhoto()), { owner: officer, visibility: 'private', countyCode: '510129' })
    await db.table('experts_consultation_media').insert({ consultation_id: other.id, media_id: photo.id, position: 0 })
    ;(await client.get(`${path}/media/${photo.publicId}/thumb`)).assertStatus(404)

    clock.travel(73 * HOUR)
    const expired = await client.get(path)
    expired.assertStatus(410)
    expired.assertTextIncludes('这个链接已过期')
  })

  test('the farmer writes through the link once the expert answered: the expert and the 信息员 are told', async ({ client, assert }) => {
    const officer = await infoOfficer()
    const consultation = await makeCase({ reporter: officer, farmer: { name: '王大田', phone: '13812340006' } })
    const { user: expertUser, expert } = await makeExpert({ county: '510129' })
    await advance(consultation, 'answering', { expert })
    const path = caseLinkPath(Number(consultation.id), 'farmer', 0)

    const response = await client.post(`${path}/messages`).withCsrfToken().form({ body: '用了药以后好一些了，还要再打一次吗？' }).redirects(0)
    assertRedirect(response, `${path}#conversation`)
    const message = await ConsultationMessage.query().where('consultation_id', consultation.id).firstOrFail()
    assert.deepEqual([message.authorId, message.authorRole, message.moderation], [null, 'reporter', 'pass'])
    assert.isNotNull(await Notification.query().where('user_id', expertUser.id).first())
    assert.isNotNull(await Notification.query().where('user_id', officer.id).first())

    const fragment = await client.get(`${path}/messages`).header('HX-Request', 'true')
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '还要再打一次吗')
    assert.include(fragment.text(), '我')
  })
})

test.group('Case page / conversation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('no messages before the expert answers; then the reporter writes (no-JS post and htmx), the expert reads it', async ({ client, assert }) => {
    const reporter = await farmer()
    const consultation = await makeCase({ reporter })
    const refused = await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '还在吗？' }, reporter)
    assert.deepEqual(fieldErrors(refused, 'body'), ['现在不能发送消息：专家答复后才能交流，或这个需求已结束'])
    const page = await client.get(`/consultations/${consultation.id}`).loginAs(reporter)
    assert.notInclude(page.text(), 'name="body"')
    page.assertTextIncludes('专家答复后可以在这里交流')

    const { user: expertUser, expert } = await makeExpert({ county: '510129' })
    await advance(consultation, 'answering', { expert })
    await writeMessage(consultation, { authorId: expertUser.id, authorRole: 'expert', kind: 'answer', body: '这是稻瘟病，用三环唑喷雾。' })

    const sent = await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '好的，谢谢专家！' }, reporter)
    assertRedirect(sent, `/consultations/${consultation.id}#conversation`)
    const htmx = await client
      .post(`/consultations/${consultation.id}/messages`)
      .loginAs(reporter)
      .withCsrfToken()
      .header('HX-Request', 'true')
      .form({ body: '打药后多久能下雨？' })
    htmx.assertStatus(200)
    assert.notInclude(htmx.text(), '<html')
    assert.include(htmx.text(), '打药后多久能下雨？')
    assert.include(htmx.text(), '专家答复')

    const expertPage = await client.get(`/consultations/${consultation.id}`).loginAs(expertUser)
    expertPage.assertTextIncludes('好的，谢谢专家！')
    expertPage.assertTextIncludes('打药后多久能下雨？')
    const empty = await client.post(`/consultations/${consultation.id}/messages`).loginAs(reporter).withCsrfToken().header('HX-Request', 'true').form({ body: '  ' })
    empty.assertStatus(422)
    empty.assertHeader('hx-retarget', '#message-form-status')
    empty.assertTextIncludes('请输入消息内容')
  })

  test('the reporter may answer an expert’s question while the case is still assigned', async ({ client, assert }) => {
    const reporter = await farmer()
    const consultation = await makeCase({ reporter })
    const { user: expertUser, expert } = await makeExpert({ county: '510129' })
    await advance(consultation, 'assigned', { expert })
    const before = await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '专家您好' }, reporter)
    assert.lengthOf(fieldErrors(before, 'body'), 1)
    await writeMessage(consultation, { authorId: expertUser.id, authorRole: 'expert', kind: 'question', body: '发病面积有多大？' })
    const page = await client.get(`/consultations/${consultation.id}`).loginAs(reporter)
    page.assertTextIncludes('专家提问')
    page.assertTextIncludes('name="body"')
    assertRedirect(await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '大概三亩地' }, reporter), `/consultations/${consultation.id}#conversation`)
    assert.equal(await countOf(ConsultationMessage.query().where('consultation_id', consultation.id).where('author_role', 'reporter')), 1)
  })

  test('the other side gets an SMS for the first message after two hours of quiet, not for a quick reply', async ({ client, assert }) => {
    const reporter = await farmer()
    const consultation = await makeCase({ reporter })
    const { user: expertUser, expert } = await makeExpert({ county: '510129' })
    await advance(consultation, 'answering', { expert })
    const texts = () => SmsMessage.query().where('phone', expertUser.phone).where('template', 'consultation_new_message')

    await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '第一条消息' }, reporter)
    assert.lengthOf(await texts(), 1)
    assert.match((await texts())[0].body!, /\/l\/\d+\/e/)
    clock.travel(30 * MINUTE)
    await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '第二条，半小时后' }, reporter)
    assert.lengthOf(await texts(), 1)
    clock.travel(2 * HOUR + MINUTE)
    await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '第三条，两小时后' }, reporter)
    assert.lengthOf(await texts(), 2)
    assert.equal(await countOf(Notification.query().where('user_id', expertUser.id)), 3)
  })

  test('a blocked word refuses the message; a held one is seen only by its author (and reviewers) until approved', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    await listWord('办假证', 'block')
    const reporter = await farmer()
    const consultation = await makeCase({ reporter })
    const { user: expertUser, expert } = await makeExpert({ county: '510129' })
    await advance(consultation, 'answering', { expert })

    const blocked = await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '有人说能办假证' }, reporter)
    assert.deepEqual(fieldErrors(blocked, 'body'), ['消息中含有不允许发布的内容，请修改后再发送'])
    assert.equal(await countOf(ConsultationMessage.query().where('consultation_id', consultation.id)), 0)

    await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '买六合彩的钱拿来买药' }, reporter)
    const held = await ConsultationMessage.query().where('consultation_id', consultation.id).firstOrFail()
    assert.equal(held.moderation, 'held')
    const own = await client.get(`/consultations/${consultation.id}/messages`).loginAs(reporter).header('HX-Request', 'true')
    own.assertTextIncludes('买六合彩的钱拿来买药')
    own.assertTextIncludes('内容审核中，通过后对他人可见')
    const hidden = await client.get(`/consultations/${consultation.id}/messages`).loginAs(expertUser).header('HX-Request', 'true')
    assert.notInclude(hidden.text(), '六合彩')
    const reviewer = await client.get(`/consultations/${consultation.id}`).loginAs(await staffOf('510129'))
    reviewer.assertTextIncludes('待审核')
    assert.isNull(await Notification.query().where('user_id', expertUser.id).first(), 'nobody is told of a held message')

    await decide('experts.message', Number(held.id), 'approved')
    const shown = await client.get(`/consultations/${consultation.id}/messages`).loginAs(expertUser).header('HX-Request', 'true')
    shown.assertTextIncludes('买六合彩的钱拿来买药')
    assert.isNotNull(await Notification.query().where('user_id', expertUser.id).first())
  })

  test('a rejected message stays with its author only, marked as not published', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    const reporter = await farmer()
    const consultation = await makeCase({ reporter })
    const { user: expertUser, expert } = await makeExpert({ county: '510129' })
    await advance(consultation, 'answering', { expert })
    await submitForm(client, `/consultations/${consultation.id}/messages`, { body: '六合彩开奖了' }, reporter)
    const held = await ConsultationMessage.query().where('consultation_id', consultation.id).firstOrFail()
    await decide('experts.message', Number(held.id), 'rejected')
    await held.refresh()
    assert.equal(held.moderation, 'rejected')
    ;(await client.get(`/consultations/${consultation.id}`).loginAs(reporter)).assertTextIncludes('内容未通过审核，仅您自己可见')
    assert.notInclude((await client.get(`/consultations/${consultation.id}`).loginAs(expertUser)).text(), '六合彩')
  })
})

test.group('Case page / a held answer and the public', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a held answer keeps the case out of 找类似 and off its public page until a reviewer approves it', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    const reporter = await farmer()
    const consultation = await makeCase({ reporter, text: '芹菜叶片上出现很多黄褐色小斑点，后来连成大片枯死，是什么病？' })
    const { user: expertUser, expert } = await makeExpert({ county: '510129', industries: ['vegetable'] })
    await advance(consultation, 'answering', { expert })
    const answer = await writeMessage(consultation, { authorId: expertUser.id, authorRole: 'expert', kind: 'answer', body: '这是芹菜斑枯病，别买六合彩，用苯醚甲环唑喷雾。' })
    assert.equal(answer.moderation, 'held')
    await db.transaction(async (trx) => indexConsultation(trx, (await Consultation.find(consultation.id, { client: trx }))!))
    const publicDocument = () => db.from('text_documents').where({ source_type: 'consultation', source_id: String(consultation.id) }).first()
    assert.isNull(await publicDocument(), 'not searchable while held')
    assert.notInclude((await client.get(`/consultations/${consultation.id}`).loginAs(reporter)).text(), '苯醚甲环唑')

    await decide('experts.message', Number(answer.id), 'approved')
    const document = await publicDocument()
    assert.isTrue(document.public)
    const page = await client.get(`/cases/${document.id}`)
    page.assertStatus(200)
    page.assertTextIncludes('苯醚甲环唑')
    ;(await client.get(`/consultations/${consultation.id}`).loginAs(reporter)).assertTextIncludes('苯醚甲环唑')
  })
})

test.group('Case page / a held case', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('held text: stored as 审核中, not triaged; approval restarts the 1-hour deadline from the approval', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    const reporter = await farmer()
    const response = await postReport(client, reporter, { text: '水稻叶子发黄，买六合彩的钱都拿来买药了还是不行', county_code: '510129', idempotency_key: newKey() })
    const consultation = await Consultation.query().where('reporter_id', reporter.id).firstOrFail()
    assertRedirect(response, `/consultations/${consultation.id}`)
    assert.equal(consultation.moderation, 'held')
    assert.equal(response.flashMessages().success, '需求已提交，内容需要人工审核，审核通过后为您安排专家')
    const page = await client.get(`/consultations/${consultation.id}`).loginAs(reporter)
    page.assertTextIncludes('审核中')
    assert.notInclude(page.text(), '/ask-expert"')

    await submitForm(client, `/consultations/${consultation.id}/ask-expert`, {}, reporter)
    await consultation.refresh()
    assert.equal(consultation.state, 'submitted', 'a held case is not triaged')
    assert.isNotNull(await ReviewItem.query().where({ subjectType: 'experts.consultation', subjectId: consultation.id }).first())

    clock.travel(5 * HOUR)
    await decide('experts.consultation', Number(consultation.id), 'approved')
    await consultation.refresh()
    assert.equal(consultation.moderation, 'pass')
    assert.approximately(consultation.triageDueAt!.toMillis(), clock.now().getTime() + HOUR, 2000)
    assert.deepEqual(await eventsOf(consultation), ['submitted', 'moderation_approved'])
    assertRedirect(await submitForm(client, `/consultations/${consultation.id}/ask-expert`, {}, reporter), `/consultations/${consultation.id}`)
    await consultation.refresh()
    assert.equal(consultation.state, 'awaiting_triage')
  })

  test('rejected: the case is closed with the reviewer’s reason and the reporter told', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    const reporter = await farmer()
    await postReport(client, reporter, { text: '水稻叶子发黄，买六合彩的钱都拿来买药了还是不行', county_code: '510129', idempotency_key: newKey() })
    const consultation = await Consultation.query().where('reporter_id', reporter.id).firstOrFail()
    await decide('experts.consultation', Number(consultation.id), 'rejected', '含赌博内容')
    await consultation.refresh()
    assert.deepEqual([consultation.state, consultation.moderation], ['closed', 'rejected'])
    const event = await ConsultationEvent.query().where({ consultationId: consultation.id, kind: 'moderation_rejected' }).firstOrFail()
    assert.equal(event.reason, '含赌博内容')
    const page = await client.get(`/consultations/${consultation.id}`).loginAs(reporter)
    page.assertTextIncludes('未通过审核，这个需求已关闭')
    page.assertTextIncludes('含赌博内容')
    assert.isNotNull(await Notification.query().where({ userId: reporter.id, kind: 'experts.consultation.rejected' }).first())
  })

  test('a blocked word refuses the case: nothing stored, the message beside the text, the photo kept', async ({ client, assert }) => {
    await listWord('办假证', 'block')
    const reporter = await farmer()
    const response = await postReport(client, reporter, { text: '水稻叶子发黄，顺便问下哪里可以办假证', county_code: '510129', idempotency_key: newKey() }, [
      { name: 'photos[]', bytes: await smallPhoto(), filename: 'leaf.jpg' },
    ])
    assert.deepEqual(fieldErrors(response, 'text'), ['描述中含有不允许发布的内容，请修改后再提交'])
    assert.equal(await countOf(Consultation.query().where('reporter_id', reporter.id)), 0)
    assert.lengthOf(response.flashMessages().consultation_media, 1)
  })
})
