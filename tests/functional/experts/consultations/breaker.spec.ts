import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Consultation from '#modules/experts/models/consultation'
import { assertRedirect, createUser, submitForm } from '#tests/helpers'
import { RICE_BLAST, farmer, newKey, postReport } from '#tests/fixtures/experts/consultations'

/*
 * Issue 4's acceptance through the expert service itself: a county admin trips the
 * breaker for 510104/experts; new needs from 510104 are held (not triaged, not
 * visible to others) until a reviewer of 510104 approves them, while 510105 goes on
 * as usual. The reporter is told calmly on the form.
 */
test.group('报需求 / the circuit breaker of one county', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('tripped for 510104/experts: 510104 needs are held until approved, 510105 needs are not', async ({ client, assert }) => {
    const admin = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '510104' } })
    assertRedirect(
      await submitForm(client, '/admin/moderation/breakers', { module: 'experts', scope: '510104', reason: '短时间内多条违规' }, admin),
      '/admin/moderation/breakers'
    )
    const inside = await farmer('510104')
    const outside = await farmer('510105')

    ;(await client.get('/consultations/new').loginAs(inside)).assertTextIncludes('本地区新内容需审核后显示，请耐心等待')
    assert.notInclude((await client.get('/consultations/new').loginAs(outside)).text(), '本地区新内容需审核后显示')

    for (const [user, county] of [[inside, '510104'], [outside, '510105']] as const) {
      ;(await postReport(client, user, { text: RICE_BLAST, industry: 'grain_oil', county_code: county, idempotency_key: newKey() })).assertStatus(302)
    }
    const held = await Consultation.query().where('reporter_id', inside.id).firstOrFail()
    const passed = await Consultation.query().where('reporter_id', outside.id).firstOrFail()
    assert.equal(held.moderation, 'held')
    assert.equal(passed.moderation, 'pass')

    // Held: asking for an expert does not triage it, and nobody else may open it.
    await submitForm(client, `/consultations/${held.id}/ask-expert`, {}, inside)
    await held.refresh()
    assert.equal(held.state, 'submitted')
    ;(await client.get(`/consultations/${held.id}`).loginAs(outside)).assertStatus(404)
    ;(await client.get(`/consultations/${held.id}`).loginAs(inside)).assertTextIncludes('审核')

    // The county's reviewer approves; the case goes on to triage like any other.
    const reviewer = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const item = await db.from('moderation_reviews').where({ subject_type: 'experts.consultation', subject_id: String(held.id) }).firstOrFail()
    assertRedirect(await submitForm(client, `/admin/moderation/reviews/${item.id}/decision`, { decision: 'approved' }, reviewer), '/admin/moderation/reviews')
    await held.refresh()
    assert.equal(held.moderation, 'pass')
    assertRedirect(await submitForm(client, `/consultations/${held.id}/ask-expert`, {}, inside), `/consultations/${held.id}`)
    await held.refresh()
    assert.equal(held.state, 'awaiting_triage')
  })
})
