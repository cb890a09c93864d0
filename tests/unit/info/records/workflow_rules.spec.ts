import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { RuleError } from '#core/http/rule_error'
import { checkRecordInput, NO_ENTITY, regionOf, type RecordInput } from '#modules/info/records/record_actions'
import { checklistOf, rejectRecord, reviewRecord, signOffRecord } from '#modules/info/reviews/review_actions'
import { roleFor } from '#modules/info/shared/record_access'
import IndustryRecord from '#modules/info/models/industry_record'
import { infoStaff, recordIn } from '#tests/fixtures/info/records'

const input = (changes: Partial<RecordInput> = {}): RecordInput => ({
  kind: 'status',
  category: 'local',
  industries: ['fruit'],
  regionCode: '510104',
  title: '锦江区柑橘产业发展现状',
  summary: '',
  body: '锦江区柑橘种植面积约一万亩，主栽品种为春见和不知火。',
  ipOwner: '锦江区农业农村局',
  source: '',
  validFrom: DateTime.fromISO('2026-01-01'),
  validTo: null,
  ...NO_ENTITY,
  ...changes,
})

async function refusal(work: Promise<unknown>) {
  try {
    await work
  } catch (error) {
    if (error instanceof RuleError) return `${error.field}: ${error.messageKey}`
    throw error
  }
  return null
}

test.group('Info / rules of a record', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the region a form names: the county, else the city, else the province', ({ assert }) => {
    assert.equal(regionOf('510104', '510100'), '510104')
    assert.equal(regionOf(null, '510100'), '510100')
    assert.equal(regionOf(undefined, undefined), '510000')
  })

  test('whose scope covers a region: county staff their county only, city staff its counties and the city, the province everything', async ({ assert }) => {
    const county = await infoStaff('510104')
    const city = await infoStaff('5101', 'center_admin')
    const province = await infoStaff('51', 'platform_admin')
    assert.equal(await roleFor(county, '510104'), 'center_staff')
    assert.isNull(await roleFor(county, '510105'))
    assert.isNull(await roleFor(county, '510100'), 'a county centre does not speak for its city')
    assert.equal(await roleFor(city, '510104'), 'center_admin')
    assert.equal(await roleFor(city, '510100'), 'center_admin')
    assert.isNull(await roleFor(city, '511600'))
    assert.isNull(await roleFor(city, '510000'))
    assert.equal(await roleFor(province, '510000'), 'platform_admin')
  })

  test('category and region agree, validity is ordered, the region is the writer\'s', async ({ assert }) => {
    const county = await infoStaff('510104')
    const province = await infoStaff('51')
    assert.equal(await checkRecordInput(county, input()), 'center_staff')
    assert.equal(await refusal(checkRecordInput(province, input({ category: 'macro' }))), 'category: info.records.errors.macro_province')
    assert.equal(await refusal(checkRecordInput(province, input({ regionCode: '510000' }))), 'county_code: info.records.errors.local_region')
    assert.equal(await checkRecordInput(province, input({ category: 'macro', regionCode: '510000' })), 'center_staff')
    assert.equal(
      await refusal(checkRecordInput(county, input({ validTo: DateTime.fromISO('2025-12-31') }))),
      'valid_to: info.records.errors.valid_to_before'
    )
    assert.equal(await refusal(checkRecordInput(county, input({ regionCode: '510105' }))), 'county_code: info.records.errors.region_outside_scope')
  })

  test('separation of duties: the author never decides, the reviewer never signs; each step only from its state', async ({ assert }) => {
    const { record, author, reviewer, signer } = await recordIn('submitted')
    const as = (actor: typeof author) => ({ actor, ip: null })
    assert.equal(await refusal(reviewRecord(as(author), record.id, checklistOf({}))), 'form: info.reviews.errors.own_record')
    assert.equal(await refusal(rejectRecord(as(author), record.id, '自己退回')), 'form: info.reviews.errors.own_record')
    assert.equal(await refusal(signOffRecord(as(signer), record.id)), 'form: info.reviews.errors.not_reviewed')
    await reviewRecord(as(reviewer), record.id, checklistOf({ secrecy_remark: '无涉密内容' }))
    assert.equal(await refusal(reviewRecord(as(signer), record.id, checklistOf({}))), 'form: info.reviews.errors.not_submitted')
    assert.equal(await refusal(signOffRecord(as(reviewer), record.id)), 'form: info.reviews.errors.reviewer_signs')
    assert.equal(await refusal(signOffRecord(as(author), record.id)), 'form: info.reviews.errors.own_record')
    await signOffRecord(as(signer), record.id)
    assert.equal(await refusal(signOffRecord(as(signer), record.id)), 'form: info.reviews.errors.already_published')
    assert.equal(await refusal(rejectRecord(as(signer), record.id, '发布后退回')), 'form: info.reviews.errors.not_in_review')
    const published = await IndustryRecord.findOrFail(record.id)
    assert.equal(published.status, 'published')
    assert.deepEqual(published.checklist!.secrecy, { ok: true, remark: '无涉密内容' })
    assert.isNotNull(published.publishedAt)
  })

  test('a rejection at sign-off returns the record to its author and clears the review', async ({ assert }) => {
    const { record, signer } = await recordIn('reviewed')
    await rejectRecord({ actor: signer, ip: null }, record.id, '权属单位名称不完整')
    const back = await IndustryRecord.findOrFail(record.id)
    assert.equal(back.status, 'rejected')
    assert.equal(back.rejectionReason, '权属单位名称不完整')
    assert.isNull(back.reviewedById)
    assert.isNull(back.checklist)
  })

  test('the body is stored clean whoever saves it (a factory, a seeder, a copy), and its words are the plain text', async ({ assert }) => {
    const { record } = await recordIn('draft')
    record.body = '<h1>现状</h1><p onclick="x()">第一段<script>alert(1)</script></p>\n\n<a href="javascript:alert(1)">第二段</a>'
    await record.save()
    const back = await IndustryRecord.findOrFail(record.id)
    assert.equal(back.body, '<h2>现状</h2><p>第一段</p>\n\n第二段')
    assert.equal(back.bodyText, '现状\n第一段\n第二段')
  })
})
