import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { industryNames } from '#core/industries/industry_directory'
import regionDirectory from '#core/regions/region_directory'
import { removeDocument, upsertDocument } from '#core/text/documents'
import type IndustryRecord from '#modules/info/models/industry_record'

/** Source type of published records in the text engine's index (a directory, not cases). */
export const RECORD_SOURCE = 'info_record'

/**
 * Keeps what the public can search in step with a record: a published record is a public
 * document of the /info directory (its text, IP owner, organisation, region and industry
 * names, so "大邑 粮油" finds it), tagged with its kind and every industry; anything else
 * has no entry. A province-wide record has no county, so only the whole province's list
 * holds it.
 */
export async function indexRecord(trx: TransactionClientContract, record: IndustryRecord) {
  if (record.status !== 'published') {
    await removeDocument(RECORD_SOURCE, String(record.id), trx)
    return
  }
  const names = await industryNames()
  const text = [
    record.title,
    record.summary,
    record.bodyText,
    record.ipOwner,
    record.entityName,
    record.entityProducts,
    await regionDirectory.fullName(record.regionCode),
    record.industries.map((code) => names.get(code)).join(' '),
  ]
    .filter(Boolean)
    .join('\n')
  await upsertDocument(
    {
      sourceType: RECORD_SOURCE,
      sourceId: String(record.id),
      industry: record.industries[0],
      county: record.regionCode === '510000' ? null : record.regionCode,
      text,
      public: true,
      createdAt: record.publishedAt?.toJSDate() ?? null,
      tags: [`kind:${record.kind}`, ...record.industries.map((code) => `industry:${code}`)],
    },
    trx
  )
}
