import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import Officer from '#modules/experts/officers/officer'
import { makeOfficer, officerForm, seedDayi } from '#tests/fixtures/experts/officers'
import { JINJIANG_VILLAGES, seedVillages } from '#tests/fixtures/regions/villages'

test.group('信息员 / applying', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the form lists the villages of the person\'s county by township, no other county\'s', async ({ client, assert }) => {
    await seedDayi()
    await seedVillages(JINJIANG_VILLAGES)
    const person = await createUser({ county: '510129', name: '赵村官' })
    const page = await client.get('/officers/apply').loginAs(person)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '<optgroup label="晋原街道">')
    assert.include(html, '<option value="510129101001"')
    assert.include(html, '乡镇农技员')
    assert.include(html, '新型农业经营主体技术员')
    assert.include(html, '村医')
    assert.notInclude(html, '锦官社区')
  })

  test('a county without a village list says so instead of an empty form', async ({ client }) => {
    const person = await createUser({ county: '510104' })
    const page = await client.get('/officers/apply').loginAs(person)
    page.assertTextIncludes('村名录尚未导入')
  })

  test('applying without JavaScript stores a pending application, audited; 我的信息员资料 shows it and its village', async ({ client, assert }) => {
    await seedDayi()
    const person = await createUser({ county: '510129', name: '赵村官' })
    const response = await submitForm(client, '/officers/apply', officerForm(), person)
    assertRedirect(response, '/officers/me')
    const officer = await Officer.findByOrFail('userId', person.id)
    assert.equal(officer.status, 'pending')
    assert.equal(officer.villageCode, '510129101001')
    assert.equal(officer.countyCode, '510129')
    assert.equal((await db.from('audit_log').where({ action: 'officer.apply', subject_id: String(officer.id) }).first()).county_code, '510129')
    const mine = await client.get('/officers/me').loginAs(person)
    mine.assertTextIncludes('待审核')
    mine.assertTextIncludes('晋原街道 五星村')
    // Applying again while pending goes to the own page.
    assertRedirect(await client.get('/officers/apply').loginAs(person).redirects(0), '/officers/me')
  })

  test('其他 needs its text; a village of another county or not in the list is refused; nothing is stored', async ({ client, assert }) => {
    await seedDayi()
    await seedVillages(JINJIANG_VILLAGES)
    const person = await createUser({ county: '510129' })
    const other = await submitForm(client, '/officers/apply', officerForm({ group: 'other' }), person)
    assert.deepEqual(fieldErrors(other, 'group_other'), ['选择“其他”时请说明类别'])
    const elsewhere = await submitForm(client, '/officers/apply', officerForm({ village_code: '510104001001' }), person)
    assert.deepEqual(fieldErrors(elsewhere, 'village_code'), ['请选择本县名录中的村'])
    const unknown = await submitForm(client, '/officers/apply', officerForm({ village_code: '510129109009' }), person)
    assert.deepEqual(fieldErrors(unknown, 'village_code'), ['请选择本县名录中的村'])
    assert.isNull(await Officer.findBy('userId', person.id))
    const ok = await submitForm(client, '/officers/apply', officerForm({ group: 'other', group_other: '合作社社员' }), person)
    assertRedirect(ok, '/officers/me')
    assert.equal((await Officer.findByOrFail('userId', person.id)).groupOther, '合作社社员')
  })

  test('htmx: a refusal is a 422 into the form box; success redirects the page', async ({ client, assert }) => {
    await seedDayi()
    const person = await createUser({ county: '510129' })
    const bad = await submitHtmxForm(client, '/officers/apply', officerForm({ statement: '短' }), person)
    bad.assertStatus(422)
    assert.equal(bad.header('hx-retarget'), '#officer-form-errors')
    assert.include(bad.text(), '申请说明至少 5 个字')
    const good = await submitHtmxForm(client, '/officers/apply', officerForm(), person)
    good.assertStatus(200)
    assert.equal(good.header('hx-redirect'), '/officers/me')
  })

  test('a rejected applicant may apply again: the same application goes back to pending', async ({ client, assert }) => {
    await seedDayi()
    const { user, officer } = await makeOfficer({ status: 'rejected' })
    const page = await client.get('/officers/apply').loginAs(user)
    page.assertStatus(200)
    assertRedirect(await submitForm(client, '/officers/apply', officerForm({ village_code: '510129102001' }), user), '/officers/me')
    await officer.refresh()
    assert.equal(officer.status, 'pending')
    assert.equal(officer.villageCode, '510129102001')
    assert.lengthOf(await Officer.query().where('user_id', user.id), 1)
  })

  test('a guest is sent to sign in', async ({ client }) => {
    const response = await client.get('/officers/apply').redirects(0)
    response.assertStatus(302)
  })
})
