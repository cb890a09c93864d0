import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import SmsMessage from '#core/sms/sms_message'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { assertRedirect, submitForm } from '#tests/helpers'
import Consultation from '#modules/experts/models/consultation'
import { ASSIGNMENT_SMS_JOB, TRIAGE_JOB } from '#modules/experts/triage/assign_expert'
import { eventsOf, runQueued } from '#tests/fixtures/experts/triage'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { RICE_BLAST, importSolvedCases, infoOfficer, newKey, postReport } from '#tests/fixtures/experts/consultations'

/*
 * Issue 5's whole path over HTTP: an 信息员 reports with a photo, sees similar solved
 * cases, asks for an expert; triage (the queued job, run here) assigns the county
 * expert of the right industry; the SMS log holds a signed link; the expert answers
 * from it without logging in; the reporter sees the answer.
 */
test.group('Triage / the whole path', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('report with a photo → similar shown → county expert of the industry → SMS link → answer without login → the reporter reads it', async ({ client, assert }) => {
    await importSolvedCases()
    const officer = await infoOfficer('510129')
    const { expert: rightOne } = await makeExpert({ name: '大邑粮油专家', county: '510129', industries: ['grain_oil'] })
    await makeExpert({ name: '大邑养猪专家', county: '510129', industries: ['pig'] })
    await makeExpert({ name: '成都市粮油专家', level: 'city', county: '510104', industries: ['grain_oil'] })

    const submitted = await postReport(client, officer, { text: RICE_BLAST, industry: 'grain_oil', county_code: '510129', farmer_name: '王大田', farmer_phone: '13811112222', idempotency_key: newKey() }, [
      { name: 'photos[]', bytes: await smallPhoto(), filename: 'leaf.jpg' },
    ])
    submitted.assertStatus(302)
    const consultation = await Consultation.query().where('reporter_id', officer.id).firstOrFail()
    const casePage = `/consultations/${consultation.id}`
    const page = await client.get(casePage).loginAs(officer)
    page.assertTextIncludes('类似的已解决案例')

    assertRedirect(await submitForm(client, `${casePage}/ask-expert`, {}, officer), casePage)
    assert.equal(await runQueued(TRIAGE_JOB), 1)
    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    assert.equal(Number(consultation.expertId), Number(rightOne.id))
    const assigned = (await eventsOf(consultation)).find((row) => row.kind === 'assigned')
    assert.equal(assigned.reason, '县级专家，同产业，当前0件')

    assert.equal(await runQueued(ASSIGNMENT_SMS_JOB), 1)
    const sms = await SmsMessage.query().where('phone', rightOne.user.phone).firstOrFail()
    const link = new URL(/(https?:\/\/\S+)$/.exec(sms.body!)![1]).pathname
    assert.match(link, new RegExp(`^/l/${consultation.id}/`))

    const linkPage = await client.get(link)
    linkPage.assertStatus(200)
    linkPage.assertTextIncludes('梭形的褐色病斑')
    assert.match(linkPage.text(), new RegExp(`<img src="${link}/media/[A-Za-z0-9_-]{22}/thumb"`))

    const answer = '这是稻瘟病（叶瘟）。每亩用75%三环唑可湿性粉剂20克兑水喷雾，7天后再喷一次；田里先排水晒田。'
    assertRedirect(await submitForm(client, `${link}/answer`, { answer }), link)

    const reporterView = await client.get(casePage).loginAs(officer)
    reporterView.assertTextIncludes('75%三环唑可湿性粉剂20克')
    await consultation.refresh()
    assert.equal(consultation.state, 'answering')
  })
})
