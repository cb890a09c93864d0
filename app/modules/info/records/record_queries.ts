import { todayIso } from '#core/clock'
import regionDirectory from '#core/regions/region_directory'
import { industryNames } from '#core/industries/industry_directory'
import RecordEvent from '#modules/info/models/record_event'
import IndustryRecord from '#modules/info/models/industry_record'

/** Names a list of records shows: regions and industries, looked up once per page. */
export async function namesFor(records: IndustryRecord[]) {
  return {
    regionNames: await regionDirectory.fullNames(records.flatMap((record) => [record.regionCode, record.entityCountyCode])),
    industryNames: Object.fromEntries(await industryNames()),
  }
}

/** The history of a record, oldest first, with who did each step. */
export function historyOf(record: IndustryRecord) {
  return RecordEvent.query().where('record_id', record.id).preload('actor').orderBy('id', 'asc')
}

/** The version this record corrects, and the corrections of it (newest first). */
export async function versionsAround(record: IndustryRecord) {
  return {
    revises: record.revisesId ? await IndustryRecord.query().where('id', record.revisesId).select('id', 'title', 'status').first() : null,
    revisions: await IndustryRecord.query().where('revises_id', record.id).select('id', 'title', 'status').orderBy('id', 'desc'),
  }
}

/** The published version that replaced a superseded record (following later corrections too), if any. */
export async function currentVersionOf(recordId: number): Promise<number | null> {
  let id = recordId
  for (let hop = 0; hop < 20; hop++) {
    const next = await IndustryRecord.query().where('revises_id', id).whereIn('status', ['published', 'superseded']).orderBy('id', 'desc').select('id', 'status').first()
    if (!next) return null
    if (next.status === 'published') return Number(next.id)
    id = Number(next.id)
  }
  return null
}

/** Form values of a record (for editing), as the form's fields are named. */
export function formValues(record: IndustryRecord | null) {
  if (!record) return { valid_from: todayIso() }
  const level = record.regionCode.endsWith('0000') ? 'province' : record.regionCode.endsWith('00') ? 'city' : 'county'
  return {
    kind: record.kind,
    category: record.category,
    industry: record.industries[0],
    other_industries: record.industries.slice(1),
    county_code: level === 'county' ? record.regionCode : '',
    city_code: level === 'city' ? record.regionCode : level === 'county' ? `${record.regionCode.slice(0, 4)}00` : '',
    title: record.title,
    summary: record.summary,
    body: record.body,
    ip_owner: record.ipOwner,
    source: record.source,
    valid_from: record.validFrom.toISODate(),
    valid_to: record.validTo?.toISODate() ?? '',
    entity_name: record.entityName ?? '',
    credit_code: record.creditCode ?? '',
    entity_county_code: record.entityCountyCode ?? '',
    entity_products: record.entityProducts ?? '',
    entity_contact: record.entityContact ?? '',
  }
}
