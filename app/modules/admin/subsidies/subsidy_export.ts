import { Readable } from 'node:stream'
import db from '@adonisjs/lucid/services/db'
import type { Acting } from '#core/accounts/acting'
import { maskPhone } from '#core/accounts/mask'
import { audit } from '#core/audit/audit'
import { BEIJING } from '#core/clock'
import { fenToYuan } from '#core/money'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { xlsxBytes } from '#core/spreadsheets/xlsx_writer'

/** Rows per FETCH: an export's memory is one batch, whatever its length. */
const BATCH = 5000

export const EXPORT_COLUMNS = ['city', 'county', 'name', 'phone_masked', 'kind', 'valid', 'amount', 'holder', 'bank', 'id_number', 'bank_card', 'approved_at'] as const

export interface ExportLabels {
  columns: Record<(typeof EXPORT_COLUMNS)[number], string>
  kinds: Record<string, string>
  sheet: string
}

/** The approved (frozen) lists of a year inside a region, county by county. */
function approvedLists(year: number, region: RegionScope) {
  const query = db.from('admin_subsidy_lists as s').where('s.year', year).where('s.status', 'approved').select('s.id', 's.county_code').orderBy('s.county_code')
  return RegionScope.constrain(query, [region], 's.county_code')
}

/** A list's paid lines after line `afterId` (an index range of (list_id, id)), numbers only in their masked form. */
function linesAfter(listId: number, afterId: number) {
  return db
    .from('admin_subsidy_lines as l')
    .join('admin_subsidy_lists as s', 's.id', 'l.list_id')
    .join('users as u', 'u.id', 'l.user_id')
    .leftJoin('admin_subsidy_payees as p', 'p.user_id', 'l.user_id')
    .where('l.list_id', listId)
    .where('l.id', '>', afterId)
    .where('l.amount_fen', '>', 0)
    .select('l.id', 's.county_code', 'u.name', 'u.phone', 'l.kind', 'l.valid', 'l.amount_fen', 'p.holder_name', 'p.bank_name', 'p.id_number_masked', 'p.card_masked')
    .select(db.raw(`to_char(s.approved_at AT TIME ZONE '${BEIJING}', 'YYYY-MM-DD') AS approved_day`))
    .orderBy('l.id')
    .limit(BATCH)
}

/**
 * Streams the payment workbook of a region's approved lists (XLSX), a batch at a time and
 * only as fast as the reader takes it; the audit row (region, year, rows) is written when
 * the last byte is out, or as incomplete when the download breaks off.
 */
export async function exportSubsidies(acting: Acting, input: { year: number; region: RegionScope; labels: ExportLabels }): Promise<Readable> {
  const places = new Map<string, [string, string]>()
  for (const { city, counties } of await regionDirectory.tree()) for (const county of counties) places.set(county.code, [city.name, county.name])
  const { labels } = input
  const cells = (row: any): (string | number)[] => {
    const [city, county] = places.get(row.county_code) ?? ['', row.county_code]
    return [city, county, row.name ?? '', maskPhone(row.phone), labels.kinds[row.kind] ?? row.kind, row.valid, fenToYuan(row.amount_fen), row.holder_name ?? '', row.bank_name ?? '', row.id_number_masked ?? '', row.card_masked ?? '', row.approved_day ?? '']
  }
  const counter = { rows: 0 }
  let finished = false
  // Written once, when the last byte is out (completed) or the download broke off (not).
  const finish = async (completed: boolean) => {
    if (finished) return
    finished = true
    await db.transaction((trx) =>
      audit(trx, {
        ...acting,
        action: 'subsidies.export',
        subjectType: 'admin.subsidy_list',
        countyCode: input.region.regionCode,
        changes: { filters: { old: null, new: `region=${input.region.regionCode} year=${input.year}` }, rows: { old: null, new: counter.rows }, completed: { old: null, new: completed } },
      })
    )
  }
  // List by list, keyset batches within each (a frozen list's lines never change): no transaction stays open while the reader is slow.
  const rows = (async function* () {
    for (const list of await approvedLists(input.year, input.region)) {
      for (let afterId = 0; ; ) {
        const batch = await linesAfter(list.id, afterId)
        counter.rows += batch.length
        if (batch.length) yield batch.map(cells)
        if (batch.length < BATCH) break
        afterId = Number(batch.at(-1).id)
      }
    }
  })()
  const header = EXPORT_COLUMNS.map((column) => labels.columns[column])
  const body = xlsxBytes(labels.sheet, header, rows)
  return Readable.from(
    (async function* () {
      try {
        yield* body
        await finish(true)
      } finally {
        // Failed, or the reader went away before the end (the generator was returned early).
        await finish(false)
      }
    })(),
    { objectMode: false }
  )
}
