import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import FollowupCall from '#modules/experts/models/followup_call'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import KnowledgeRevision from '#modules/experts/knowledge/knowledge_revision'
import { maskDigits, maskNames, maskPersonal, titleFrom } from '#modules/experts/shared/masking'
import { publishAfterFollowup } from '#modules/experts/knowledge/publish_entry'
import { editEntry, withdrawEntry } from '#modules/experts/knowledge/knowledge_actions'
import { KNOWLEDGE_SOURCE } from '#modules/experts/knowledge/index_entry'
import { similar } from '#core/text/documents'
import { RICE_BLAST, staffOf } from '#tests/fixtures/experts/consultations'
import { closedCase, publishedEntry, ruleFollowup } from '#tests/fixtures/experts/knowledge'

test.group('Knowledge / masking', () => {
  test('mobiles, landlines and any long digit run become stars; short numbers stay', ({ assert }) => {
    assert.equal(maskDigits('电话13800001111，'), '电话***********，')
    assert.equal(maskDigits('座机 028-85551234 或 138 0000 1111'), '座机 ***-******** 或 *** **** ****')
    assert.equal(maskDigits('身份证510104199001011234'), '身份证******************')
    assert.equal(maskDigits('每亩用 50 克，兑水 30 斤，2024年5月'), '每亩用 50 克，兑水 30 斤，2024年5月', 'doses and dates are kept')
  })

  test('the farmer and reporter names become 姓+某 wherever they appear; one-character names are ignored', ({ assert }) => {
    assert.equal(maskNames('我是王大田，李信息帮我报的，王大田家的稻子', ['王大田', '李信息']), '我是王某，李某帮我报的，王某家的稻子')
    assert.equal(maskNames('大田里的稻子', ['王大田', '大']), '大田里的稻子')
    assert.equal(maskNames('王大田和大田', ['大田', '王大田']), '王某和大某', 'the longest name first')
    assert.equal(maskPersonal('王大田 13800001111', ['王大田', null, undefined]), '王某 ***********')
  })

  test('the title is the first sentence, cut at 30 characters', ({ assert }) => {
    assert.equal(titleFrom('水稻叶子发黄。怎么办？'), '水稻叶子发黄')
    assert.equal([...titleFrom('稻'.repeat(50))].length, 31)
    assert.isTrue(titleFrom('稻'.repeat(50)).endsWith('…'))
  })
})

test.group('Knowledge / an entry only after a valid ruling with consent', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a consenting case ruled valid becomes one masked entry with its first revision', async ({ assert }) => {
    const consultation = await closedCase({ consent: true })
    assert.isNull(await KnowledgeEntry.findBy('consultation_id', consultation.id), 'nothing before the ruling')
    await ruleFollowup(consultation, true)
    const entry = await KnowledgeEntry.findByOrFail('consultation_id', consultation.id)
    assert.equal(entry.state, 'published')
    assert.equal(entry.cityCode, '510100')
    assert.equal(entry.countyCode, '510104')
    for (const hidden of ['王大田', '李信息', '13800001111', '13912345678']) {
      assert.notInclude(entry.problem + entry.answer + entry.title, hidden)
    }
    assert.include(entry.problem, '王某')
    assert.include(entry.answer, '三环唑')
    const revisions = await KnowledgeRevision.query().where('entry_id', entry.id)
    assert.lengthOf(revisions, 1)
    assert.equal(revisions[0].kind, 'created')
    assert.isNull(revisions[0].editorId)
  })

  test('no consent, an invalid ruling, an unreached call or no answer: no entry', async ({ assert }) => {
    const refused = await closedCase({ consent: false })
    await ruleFollowup(refused, true)
    assert.isNull(await KnowledgeEntry.findBy('consultation_id', refused.id))

    const invalid = await closedCase({ consent: true })
    await ruleFollowup(invalid, false)
    assert.isNull(await KnowledgeEntry.findBy('consultation_id', invalid.id))

    const consented = await closedCase({ consent: true })
    const unreached = new FollowupCall().merge({ reached: false, serviceValid: null })
    const valid = new FollowupCall().merge({ reached: true, serviceValid: true })
    await db.transaction(async (trx) => {
      assert.isNull(await publishAfterFollowup(trx, consented, unreached))
      consented.moderation = 'held'
      assert.isNull(await publishAfterFollowup(trx, consented, valid), 'held text never goes public')
    })
  })

  test('a case without an expert answer makes no entry', async ({ assert }) => {
    const consultation = await closedCase({ consent: true })
    await ConsultationMessage.query().where('consultation_id', consultation.id).where('kind', 'answer').delete()
    await ruleFollowup(consultation, true)
    assert.isNull(await KnowledgeEntry.findBy('consultation_id', consultation.id))
  })
})

test.group('Knowledge / rewording and withdrawal', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each change is a revision with its editor; nothing changed writes none; typed digits are masked', async ({ assert }) => {
    const { entry } = await publishedEntry()
    const staff = await staffOf('510104')
    const wording = { title: '水稻稻瘟病怎么防治', problem: entry.problem, answer: `${entry.answer} 详询 02885551234` }
    assert.isTrue(await editEntry(staff, entry.id, wording))
    assert.isFalse(await editEntry(staff, entry.id, { ...wording, answer: `${entry.answer} 详询 ***********` }))
    await entry.refresh()
    assert.equal(entry.title, '水稻稻瘟病怎么防治')
    assert.notInclude(entry.answer, '02885551234')
    const revisions = await KnowledgeRevision.query().where('entry_id', entry.id).orderBy('id')
    assert.deepEqual(revisions.map((revision) => revision.kind), ['created', 'edited'])
    assert.equal(revisions[1].editorId, staff.id)
  })

  test('withdrawal keeps the reason and who; a withdrawn entry can be neither edited nor withdrawn again', async ({ assert }) => {
    const { entry } = await publishedEntry()
    const staff = await staffOf('510104')
    await withdrawEntry(staff, entry.id, '内容重复')
    await entry.refresh()
    assert.equal(entry.state, 'withdrawn')
    assert.equal(entry.withdrawnReason, '内容重复')
    assert.equal(entry.withdrawnBy, staff.id)
    await assert.rejects(() => withdrawEntry(staff, entry.id, '再撤一次'))
    await assert.rejects(() => editEntry(staff, entry.id, { title: 'x'.repeat(5), problem: entry.problem, answer: entry.answer }))
    const last = await KnowledgeRevision.query().where('entry_id', entry.id).orderBy('id', 'desc').firstOrFail()
    assert.equal(last.kind, 'withdrawn')
    assert.equal(last.reason, '内容重复')
  })
})

test.group('Knowledge / in the text index', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an entry is a document of its own source (masked, city only), reworded in step, gone once withdrawn; 找类似 offers it only when asked by source', async ({ assert }) => {
    const { entry } = await publishedEntry()
    const document = async () => db.from('text_documents').where({ source_type: KNOWLEDGE_SOURCE, source_id: String(entry.id) }).first()
    const indexed = await document()
    assert.exists(indexed)
    assert.equal(indexed.county_code, '510100')
    assert.notInclude(indexed.text + indexed.answer, '王大田')
    assert.notInclude(indexed.text + indexed.answer, '13800001111')

    const asked = await similar(RICE_BLAST, { sourceTypes: [KNOWLEDGE_SOURCE] })
    assert.include(asked.map((hit) => hit.sourceId), String(entry.id))
    const plain = await similar(RICE_BLAST)
    assert.notInclude(plain.map((hit) => hit.sourceType), KNOWLEDGE_SOURCE, 'not offered twice beside its own case')

    const staff = await staffOf('510104')
    await editEntry(staff, entry.id, { title: '稻瘟病防治要点', problem: entry.problem, answer: entry.answer })
    assert.include((await document()).text, '稻瘟病防治要点')
    await withdrawEntry(staff, entry.id, '重复')
    assert.notExists(await document())
  })
})

