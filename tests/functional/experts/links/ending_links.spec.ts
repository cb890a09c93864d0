import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { clock } from '#core/clock'
import AuditEntry from '#core/audit/audit_entry'
import { caseLinkPath } from '#modules/experts/shared/case_links'
import { submitForm } from '#tests/helpers'
import { makeCase } from '#tests/fixtures/experts/consultations'
import { makeExpert } from '#tests/fixtures/experts/profiles'

const FARMER = { name: '张农户', phone: '13912345678' }

/** The security review (issue 12, finding 6): an SMS link forwarded to someone else kept opening the case for 72 h. */
test.group('SMS links / who they are for, and ending them', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("the farmer's link page says whom it is for; ending it refuses that link (and older ones) with 410, a later link opens", async ({ client, assert }) => {
    const consultation = await makeCase({ farmer: FARMER })
    const link = caseLinkPath(consultation.id, 'farmer', 0)
    const page = await client.get(link)
    page.assertStatus(200)
    page.assertTextIncludes('这是发给 张农户 的链接')
    page.assertTextIncludes('结束这个链接')

    const ended = await submitForm(client, `${link}/end`, {})
    ended.assertStatus(410)
    ended.assertTextIncludes('这个链接已被结束')
    ;(await client.get(link)).assertStatus(410)
    const audited = await AuditEntry.query().where('action', 'experts.link_end').firstOrFail()
    assert.equal(Number(audited.subjectId), Number(consultation.id))

    // A new message after the end brings a new link: that one works.
    clock.travel(2000)
    try {
      ;(await client.get(caseLinkPath(consultation.id, 'farmer', 0))).assertStatus(200)
    } finally {
      clock.reset()
    }
  })

  test("the expert's link page says whom it is for; ending it refuses the link; 我的案件 still opens the case", async ({ client }) => {
    const { user, expert } = await makeExpert({ name: '王农技' })
    const consultation = await makeCase({ state: 'assigned', expert })
    const link = caseLinkPath(consultation.id, 'expert', Number(expert.id))
    const page = await client.get(link)
    page.assertStatus(200)
    page.assertTextIncludes('这是发给 王农技 的链接')

    ;(await submitForm(client, `${link}/end`, {})).assertStatus(410)
    const refused = await client.get(link)
    refused.assertStatus(410)
    refused.assertTextIncludes('链接已结束')
    ;(await client.get(`/expert/cases/${consultation.id}`).loginAs(user)).assertStatus(200)
  })

  test('ending needs the valid link itself: a tampered token ends nothing', async ({ client }) => {
    const consultation = await makeCase({ farmer: FARMER })
    ;(await submitForm(client, `/f/${consultation.id}/f0.zzzz.AAAAAAAAAAAAAAAAAAAAAA/end`, {})).assertStatus(403)
    ;(await client.get(caseLinkPath(consultation.id, 'farmer', 0))).assertStatus(200)
  })

  test("after the case is closed the farmer's link shows the outcome, with no message or close form", async ({ client, assert }) => {
    const consultation = await makeCase({ state: 'closed', farmer: FARMER })
    const page = await client.get(caseLinkPath(consultation.id, 'farmer', 0))
    page.assertStatus(200)
    page.assertTextIncludes('已结案')
    assert.notInclude(page.text(), 'name="body"')
    assert.notInclude(page.text(), 'name="rating"')
  })
})
