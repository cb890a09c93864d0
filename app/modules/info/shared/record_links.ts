import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { defineJob } from '#core/jobs/registry'
import { dispatch } from '#core/jobs/dispatch'
import { similar } from '#core/text/documents'
import { suggestionPath, suggestionsFor } from '#modules/experts/public'
import IndustryRecord from '#modules/info/models/industry_record'
import { RECORD_SOURCE } from '#modules/info/shared/record_index'

/** 相关信息 shown on a record's page. */
export const MAX_LINKS = 6
export const REFRESH_LINKS_JOB = 'info.refresh_links'

/**
 * Recomputes a record's 相关信息 from the text engine: the published records whose text is
 * nearest its own, among those of its main industry and its region (a county's record
 * looks in its city; a province-wide one everywhere). A record that is not published has
 * none. Returns the linked ids.
 */
export async function refreshLinks(recordId: number): Promise<number[]> {
  const record = await IndustryRecord.query().where('id', recordId).first()
  await db.from('info_record_links').where('record_id', recordId).delete()
  if (!record || record.status !== 'published') return []
  const found = await similar([record.title, record.summary, record.bodyText].join('\n'), {
    sourceTypes: [RECORD_SOURCE],
    industry: record.industries[0],
    county: record.regionCode === '510000' ? null : record.regionCode,
    limit: MAX_LINKS * 2,
  })
  // Same industry: the engine ranks by text and region; a record of another main industry is no 相关信息 however close its words.
  const links = found
    .filter((document) => Number(document.sourceId) !== Number(record.id) && !!document.industry && record.industries.includes(document.industry))
    .slice(0, MAX_LINKS)
  if (links.length) {
    await db.table('info_record_links').multiInsert(links.map((document) => ({ record_id: record.id, linked_id: Number(document.sourceId), score: document.score })))
  }
  return links.map((document) => Number(document.sourceId))
}

/** Knowledge entries and solved cases shown beside a record (找类似's own count). */
export const MAX_SOLVED_LINKS = 5
/** A solved question's title in the list: its first line, this long at most. */
const SOLVED_TITLE_CHARS = 40

/**
 * The record's nearest knowledge entries and solved cases of its main industry, from
 * experts' 找类似 over its title and summary (the body's tables and figures are noise to a
 * farmer's question), nearer ones of its region first, stored as their index documents.
 * None when it is not published.
 */
export async function refreshSolvedLinks(recordId: number): Promise<number[]> {
  const record = await IndustryRecord.query().where('id', recordId).first()
  await db.from('info_record_solved_links').where('record_id', recordId).delete()
  if (!record || record.status !== 'published') return []
  // A record is no farmer's question, so 找类似's bar for farmers would drop nearly all; the same main industry is the bar here, as for records.
  const found = await suggestionsFor(`${record.title}\n${record.summary}`, {
    industry: record.industries[0],
    county: record.regionCode === '510000' ? null : record.regionCode,
    minScore: 0,
  })
  const links = found.filter((document) => document.industry === record.industries[0]).slice(0, MAX_SOLVED_LINKS)
  if (links.length) {
    await db.table('info_record_solved_links').multiInsert(links.map((document) => ({ record_id: record.id, document_id: document.id, score: document.score })))
  }
  return links.map((document) => document.id)
}

/** The record's stored knowledge entries and solved cases that are still public, nearest first, with where each is read. */
export async function solvedOf(record: IndustryRecord) {
  const rows = await db
    .from('info_record_solved_links as l')
    .join('text_documents as d', 'd.id', 'l.document_id')
    .where('l.record_id', record.id)
    .where('d.public', true)
    .where('d.solved', true)
    .orderBy('l.score', 'desc')
    .limit(MAX_SOLVED_LINKS)
    .select('d.id', 'd.source_type', 'd.source_id', 'd.text')
  return rows.map((row) => ({
    title: String(row.text).split('\n')[0].slice(0, SOLVED_TITLE_CHARS),
    path: suggestionPath({ id: Number(row.id), sourceType: row.source_type, sourceId: row.source_id }),
  }))
}

/** The record's 相关信息 that are public now, nearest first. */
export function relatedOf(record: IndustryRecord) {
  return IndustryRecord.query()
    .join('info_record_links as l', 'l.linked_id', 'info_records.id')
    .where('l.record_id', record.id)
    .where('info_records.status', 'published')
    .orderBy('l.score', 'desc')
    .select('info_records.id', 'info_records.title', 'info_records.kind', 'info_records.region_code')
    .limit(MAX_LINKS)
}

/**
 * After a record is published (or leaves the public pages): its own links (records,
 * knowledge entries and solved cases), and the record links of the records it links to
 * and that link to it, so a new record appears beside its neighbours too. Queued in the
 * step's transaction.
 */
export function queueLinkRefresh(trx: TransactionClientContract, recordId: number) {
  return dispatch(REFRESH_LINKS_JOB, { recordId }, { client: trx, singletonKey: `info_links:${recordId}` })
}

export async function refreshAround(recordId: number) {
  const own = await refreshLinks(recordId)
  await refreshSolvedLinks(recordId)
  const pointing = await db.from('info_record_links').where('linked_id', recordId).select('record_id')
  const neighbours = new Set([...own, ...pointing.map((row) => Number(row.record_id))])
  for (const id of neighbours) if (id !== recordId) await refreshLinks(id)
}

defineJob(REFRESH_LINKS_JOB, async ({ recordId }: { recordId: number }) => refreshAround(Number(recordId)), { retryLimit: 3 })
