import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/accounts/acting'
import { RuleError } from '#core/http/rule_error'
import { screen } from '#core/moderation/moderation'
import IndustryRecord from '#modules/info/models/industry_record'
import { roleFor } from '#modules/info/shared/record_access'
import { recordStep } from '#modules/info/shared/record_events'
import { deleteMedia, type UploadedFile } from '#core/media/media_service'
import Media from '#core/media/media'
import { addDocuments, addPhotos } from '#modules/info/shared/record_photos'
import { EDITABLE, RECORD_SUBJECT, type RecordCategory, type RecordKind } from '#modules/info/shared/record_states'

export const PROVINCE = '510000'

export interface RecordInput {
  kind: RecordKind
  category: RecordCategory
  /** The main industry first. */
  industries: string[]
  /** 510000 (province-wide), a city's 51xx00 or a county. */
  regionCode: string
  title: string
  summary: string
  body: string
  ipOwner: string
  source: string
  validFrom: DateTime
  validTo: DateTime | null
  /** 龙头企业 and 技术依托单位: the organisation (null for other kinds). */
  entityName: string | null
  creditCode: string | null
  entityCountyCode: string | null
  entityProducts: string | null
  entityContact: string | null
}

export type EntityFields = Pick<RecordInput, 'entityName' | 'creditCode' | 'entityCountyCode' | 'entityProducts' | 'entityContact'>

/** A record about no one organisation (any kind but 龙头企业 and 技术依托单位). */
export const NO_ENTITY: EntityFields = { entityName: null, creditCode: null, entityCountyCode: null, entityProducts: null, entityContact: null }

/** The region a form names: the county when one is chosen, else the city, else the province. */
export function regionOf(countyCode?: string | null, cityCode?: string | null) {
  return countyCode || cityCode || PROVINCE
}

/**
 * Rules of a record's content, whoever writes it: 宏观产业资讯 is province-wide and
 * 地方特色产业 belongs to a city or county; the validity ends on or after it starts; the
 * writer's scope covers the region (the field the message goes to is the picker's).
 */
export async function checkRecordInput(actor: Actor['actor'], input: RecordInput) {
  if (input.category === 'macro' && input.regionCode !== PROVINCE) throw new RuleError('info.records.errors.macro_province', 'category')
  if (input.category === 'local' && input.regionCode === PROVINCE) throw new RuleError('info.records.errors.local_region', 'county_code')
  if (input.validTo && input.validTo < input.validFrom) throw new RuleError('info.records.errors.valid_to_before', 'valid_to')
  const role = await roleFor(actor, input.regionCode)
  if (!role) throw new RuleError('info.records.errors.region_outside_scope', 'county_code')
  return role
}

/** 上传: a draft of the writer's scope; nothing is public. */
export async function createRecord({ actor, ip }: Actor, input: RecordInput, photos: UploadedFile[] = [], documents: UploadedFile[] = []) {
  const actorRole = await checkRecordInput(actor, input)
  return db.transaction(async (trx) => {
    const record = await IndustryRecord.create({ ...input, status: 'draft', authorId: actor.id }, { client: trx })
    await addPhotos(trx, record, actor, photos)
    await addDocuments(trx, record, actor, documents)
    await recordStep(trx, { actor, actorRole, ip }, record, { action: 'created', from: null })
    return record
  })
}

/**
 * The author takes a photo or an attachment off a record still in the making (a draft, or
 * one that came back): its row and files go; a step in the history says so. A file of
 * another record, or a record past the author, is refused as not found.
 */
export async function removeRecordMedia({ actor, ip }: Actor, recordId: number, publicId: string) {
  const actorRole = await roleFor(actor, (await IndustryRecord.findOrFail(recordId)).regionCode)
  if (!actorRole) throw new RuleError('info.records.errors.region_outside_scope')
  const media = await db.transaction(async (trx) => {
    const record = await lockEditable(trx, recordId)
    const found = await Media.query({ client: trx }).where({ public_id: publicId, subject_type: RECORD_SUBJECT, subject_id: record.id }).first()
    if (!found) return null
    await recordStep(trx, { actor, actorRole, ip }, record, { action: 'updated', from: record.status })
    return found
  })
  if (media) await deleteMedia(media)
  return media
}

/** The author changes a draft, or a record that came back rejected (it stays rejected until submitted). */
export async function updateRecord({ actor, ip }: Actor, recordId: number, input: RecordInput, photos: UploadedFile[] = [], documents: UploadedFile[] = []) {
  const actorRole = await checkRecordInput(actor, input)
  return db.transaction(async (trx) => {
    const record = await lockEditable(trx, recordId)
    record.merge(input)
    await record.save()
    await addPhotos(trx, record, actor, photos)
    await addDocuments(trx, record, actor, documents)
    await recordStep(trx, { actor, actorRole, ip }, record, { action: 'updated', from: record.status })
    return record
  })
}

/**
 * 提交审核: the text passes content safety first. A listed word to block refuses the
 * submission; while a breaker of the module holds the record's region, submissions wait
 * (the draft is kept); words to hold let it through to the human review, which is
 * shown what was found.
 */
export async function submitRecord({ actor, ip }: Actor, recordId: number) {
  return db.transaction(async (trx) => {
    const record = await lockEditable(trx, recordId)
    const actorRole = await roleFor(actor, record.regionCode)
    if (!actorRole) throw new RuleError('info.records.errors.region_outside_scope')
    const text = [record.title, record.summary, record.bodyText, record.ipOwner, record.source].join('\n')
    const { verdict, categories, breakerTripped } = await screen({ module: 'info', countyCode: record.regionCode, text }, trx)
    if (verdict === 'block') throw new RuleError('info.records.errors.blocked')
    if (breakerTripped) throw new RuleError('info.records.errors.breaker')
    const from = record.status
    record.merge({ status: 'submitted', screenCategories: categories, rejectionReason: null })
    await record.save()
    await recordStep(trx, { actor, actorRole, ip }, record, { action: 'submitted', from })
    return record
  })
}

/**
 * 修订: a correction of a published record starts as a draft copy that revises it, written
 * by a centre member of its scope, and goes through the whole workflow; the published
 * version stays public meanwhile (see supersede). One open correction at a time.
 */
export async function reviseRecord({ actor, ip }: Actor, recordId: number) {
  return db.transaction(async (trx) => {
    const published = await IndustryRecord.query({ client: trx }).where('id', recordId).forUpdate().firstOrFail()
    if (published.status !== 'published') throw new RuleError('info.records.errors.not_published')
    const actorRole = await roleFor(actor, published.regionCode)
    if (!actorRole) throw new RuleError('info.records.errors.region_outside_scope')
    const open = await IndustryRecord.query({ client: trx }).where('revises_id', published.id).whereNotIn('status', ['published', 'superseded']).first()
    if (open) throw new RuleError('info.records.errors.revision_open')
    const copy = await IndustryRecord.create(
      {
        ...Object.fromEntries(REVISED_FIELDS.map((field) => [field, published[field]])),
        revisesId: published.id,
        status: 'draft',
        authorId: actor.id,
      },
      { client: trx }
    )
    await recordStep(trx, { actor, actorRole, ip }, copy, { action: 'revised', from: null })
    return copy
  })
}

/** What a new version starts from: the published text and facts, not its workflow. */
const REVISED_FIELDS = [
  'kind', 'category', 'industries', 'regionCode', 'title', 'summary', 'body', 'ipOwner', 'source', 'validFrom', 'validTo',
  'entityName', 'creditCode', 'entityCountyCode', 'entityProducts', 'entityContact',
] as const

async function lockEditable(trx: TransactionClientContract, recordId: number) {
  const record = await IndustryRecord.query({ client: trx }).where('id', recordId).forUpdate().firstOrFail()
  if (!EDITABLE.includes(record.status)) throw new RuleError('info.records.errors.not_editable')
  return record
}
