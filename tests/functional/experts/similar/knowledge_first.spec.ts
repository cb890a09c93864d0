import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { RICE_BLAST, farmer, importSolvedCases, typeIntoReport } from '#tests/fixtures/experts/consultations'
import { publishedEntry } from '#tests/fixtures/experts/knowledge'
import Consultation from '#modules/experts/models/consultation'
import { indexConsultation } from '#modules/experts/shared/index_consultation'

/*
 * 找类似 offers vetted answers first: a knowledge entry (a 回访 found the answer valid) leads,
 * marked and opening its /knowledge page, and the solved case it was made from is not
 * offered a second time.
 */
test.group('找类似 / knowledge entries first', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('while typing, a knowledge entry about the problem comes first, once, linking to its page', async ({ client, assert }) => {
    await importSolvedCases()
    const { consultation, entry } = await publishedEntry({ county: '510129' })
    // Its case is a solved case of the index as well (as the answer page leaves it).
    await db.transaction(async (trx) => indexConsultation(trx, (await Consultation.find(consultation.id, { client: trx }))!))
    const response = await typeIntoReport(client, await farmer(), { text: RICE_BLAST, county_code: '510129' })
    response.assertStatus(200)
    const items: string[] = response.text().split('<li>').slice(1)
    assert.isAtLeast(items.length, 2, 'the entry, then other solved cases')
    assert.include(items[0], `href="/knowledge/${entry.id}"`)
    assert.include(items[0], '农技知识库 · 回访核实有效')
    assert.notInclude(items[0], '王大田', 'the entry’s masked wording')
    // Its own case is not offered a second time.
    const caseDocument = await consultationDocumentId(Number(consultation.id))
    assert.notInclude(response.text(), `href="/cases/${caseDocument}"`)
    assert.lengthOf(items.filter((item) => item.includes('农技知识库 · 回访核实有效')), 1)
  })

  test('without an entry on the problem, solved cases come as before, unmarked', async ({ client, assert }) => {
    await importSolvedCases()
    const response = await typeIntoReport(client, await farmer(), { text: RICE_BLAST, county_code: '510129' })
    assert.notInclude(response.text(), '/knowledge/')
    assert.notInclude(response.text(), '农技知识库')
    assert.match(response.text(), /href="\/cases\/\d+"/)
  })
})

async function consultationDocumentId(consultationId: number) {
  const row = await db.from('text_documents').where({ source_type: 'consultation', source_id: String(consultationId) }).firstOrFail()
  return row.id
}
