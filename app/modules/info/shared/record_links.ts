import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { defineJob } from '#core/jobs/registry'
import { dispatch } from '#core/jobs/dispatch'
import { similar } from '#core/text/documents'
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
 * After a record is published (or leaves the public pages): its own links, and those of
 * the records it links to and that link to it, so a new record appears beside its
 * neighbours too. Queued in the step's transaction.
 */
export function queueLinkRefresh(trx: TransactionClientContract, recordId: number) {
  return dispatch(REFRESH_LINKS_JOB, { recordId }, { client: trx, singletonKey: `info_links:${recordId}` })
}

export async function refreshAround(recordId: number) {
  const own = await refreshLinks(recordId)
  const pointing = await db.from('info_record_links').where('linked_id', recordId).select('record_id')
  const neighbours = new Set([...own, ...pointing.map((row) => Number(row.record_id))])
  for (const id of neighbours) if (id !== recordId) await refreshLinks(id)
}

defineJob(REFRESH_LINKS_JOB, async ({ recordId }: { recordId: number }) => refreshAround(Number(recordId)), { retryLimit: 3 })
