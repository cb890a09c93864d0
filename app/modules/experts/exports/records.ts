import { Readable } from 'node:stream'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { maskPhone } from '#core/accounts/mask'
import { BEIJING } from '#core/clock'
import { audit } from '#core/audit/audit'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import type { ConsultationState } from '#modules/experts/shared/consultation_states'
import { csvBytes } from '#core/spreadsheets/csv_writer'
import { xlsxBytes } from '#core/spreadsheets/xlsx_writer'
import { industryNames } from '#core/industries/industry_directory'

export interface ExportFilters {
  region: RegionScope
  from: Date
  to: Date
  fromDay: string
  toDay: string
  industry?: string
  state?: ConsultationState
}

export interface ExportRequest {
  actor: User
  actorRole: Role
  ip: string | null
  filters: ExportFilters
  /** Full phone numbers (administrators) or masked ones (staff). */
  phones: 'full' | 'masked'
  format: 'csv' | 'xlsx'
  /** Column headers and value labels in the reader's language. */
  labels: ExportLabels
}

export interface ExportLabels {
  columns: Record<(typeof COLUMNS)[number], string>
  states: Record<string, string>
  categories: Record<string, string>
  yes: string
  no: string
  sheet: string
}

export const COLUMNS = [
  'id',
  'created_at',
  'city',
  'county',
  'industry',
  'state',
  'reporter',
  'reporter_phone',
  'farmer',
  'farmer_phone',
  'expert',
  'assigned_at',
  'first_response_at',
  'answered_at',
  'closed_at',
  'auto_closed',
  'rating',
  'rating_comment',
  'followed_up_at',
  'service_valid',
  'category',
  'text',
] as const

/** Rows per FETCH: the memory of an export is one batch, whatever the number of rows. */
const BATCH = 2000

const time = (column: string, alias = column.split('.').pop()) => `to_char(${column} AT TIME ZONE '${BEIJING}', 'YYYY-MM-DD HH24:MI') AS ${alias}`

/** The records of the filters as one SQL query (ordered by submission) for a server-side cursor. */
function recordsQuery(filters: ExportFilters) {
  const query = db
    .from('experts_consultations as c')
    .join('users as r', 'r.id', 'c.reporter_id')
    .leftJoin('experts_profiles as p', 'p.id', 'c.expert_id')
    .leftJoin('users as eu', 'eu.id', 'p.user_id')
    .leftJoin('experts_followup_calls as f', (join) => join.on('f.consultation_id', '=', 'c.id').andOnVal('f.reached', '=', true))
    .select('c.id', 'c.county_code', 'c.industry_code', 'c.state', 'c.farmer_name', 'c.farmer_phone', 'c.rating', 'c.rating_comment', 'c.text')
    .select('r.name as reporter_name', 'r.phone as reporter_phone', 'eu.name as expert_name', 'f.service_valid', 'f.category')
    .select(
      db.raw(time('c.created_at')),
      db.raw(time('c.assigned_at')),
      db.raw(time('c.first_response_at')),
      db.raw(time('c.answered_at')),
      db.raw(time('c.closed_at')),
      db.raw(time('f.created_at', 'followed_up_at')),
      db.raw(`EXISTS (SELECT 1 FROM experts_consultation_events e WHERE e.consultation_id = c.id AND e.kind = 'auto_closed') AS auto_closed`)
    )
    .where('c.created_at', '>=', filters.from)
    .where('c.created_at', '<', filters.to)
    .orderBy([{ column: 'c.created_at' }, { column: 'c.id' }])
  RegionScope.constrain(query, [filters.region], 'c.county_code')
  if (filters.industry) query.where('c.industry_code', filters.industry)
  if (filters.state) query.where('c.state', filters.state)
  return query.toSQL()
}

/** Rows of the export in batches, read through a cursor inside `trx`. */
async function* batches(trx: TransactionClientContract, filters: ExportFilters): AsyncGenerator<any[]> {
  const { sql, bindings } = recordsQuery(filters)
  // Every row will be read: plan for the whole result, not (the cursor default) its first tenth.
  await trx.rawQuery('SET LOCAL cursor_tuple_fraction = 1')
  await trx.rawQuery(`DECLARE experts_export NO SCROLL CURSOR FOR ${sql}`, bindings as any[])
  for (;;) {
    const { rows } = await trx.rawQuery(`FETCH ${BATCH} FROM experts_export`)
    if (rows.length) yield rows
    if (rows.length < BATCH) break
  }
  await trx.rawQuery('CLOSE experts_export')
}

/** One record as the cells of a spreadsheet row, in COLUMNS order. */
async function cellMaker(request: ExportRequest) {
  const industries = await industryNames()
  const places = new Map<string, [string, string]>()
  for (const { city, counties } of await regionDirectory.tree()) {
    for (const county of counties) places.set(county.code, [city.name, county.name])
  }
  const { labels } = request
  const phone = request.phones === 'full' ? (value: string | null) => value ?? '' : maskPhone
  const yesNo = (value: boolean | null) => (value === null ? '' : value ? labels.yes : labels.no)
  return (row: any): (string | number)[] => {
    const [city, county] = places.get(row.county_code) ?? ['', row.county_code]
    return [
      Number(row.id),
      row.created_at,
      city,
      county,
      industries.get(row.industry_code) ?? row.industry_code,
      labels.states[row.state] ?? row.state,
      row.reporter_name ?? '',
      phone(row.reporter_phone),
      row.farmer_name ?? '',
      phone(row.farmer_phone),
      row.expert_name ?? '',
      row.assigned_at ?? '',
      row.first_response_at ?? '',
      row.answered_at ?? '',
      row.closed_at ?? '',
      yesNo(row.auto_closed),
      row.rating ?? '',
      row.rating_comment ?? '',
      row.followed_up_at ?? '',
      yesNo(row.service_valid),
      row.category ? (labels.categories[row.category] ?? row.category) : '',
      row.text ?? '',
    ]
  }
}

/**
 * Streams the export of the staff member's records. The rows come from a cursor in
 * one transaction, a batch at a time and only as fast as the reader takes the bytes;
 * when the last one is sent, the audit row (filters, row count) commits with it. A
 * download broken off halfway is audited too, as incomplete.
 */
export async function exportRecords(request: ExportRequest): Promise<Readable> {
  const cells = await cellMaker(request)
  const header = COLUMNS.map((column) => request.labels.columns[column])
  const trx = await db.transaction()
  const counter = { rows: 0 }
  let finished = false
  const finish = async (error?: unknown) => {
    if (finished) return
    finished = true
    const entry = auditEntry(request, counter.rows, !error)
    if (error) {
      await trx.rollback()
      await db.transaction((own) => audit(own, entry))
    } else {
      await audit(trx, entry)
      await trx.commit()
    }
  }
  const rows = (async function* () {
    for await (const batch of batches(trx, request.filters)) {
      counter.rows += batch.length
      yield batch.map(cells)
    }
  })()
  const body = request.format === 'csv' ? csvBytes(header, rows) : xlsxBytes(request.labels.sheet, header, rows)
  return Readable.from(
    (async function* () {
      try {
        yield* body
        await finish()
      } catch (error) {
        await finish(error)
        throw error
      } finally {
        // The reader went away before the end (the generator was returned early).
        await finish(new Error('export closed before the end'))
      }
    })(),
    { objectMode: false }
  )
}

function auditEntry(request: ExportRequest, rows: number, completed: boolean) {
  const { filters } = request
  const described = [
    `region=${filters.region.regionCode}`,
    `from=${filters.fromDay}`,
    `to=${filters.toDay}`,
    `industry=${filters.industry ?? '*'}`,
    `state=${filters.state ?? '*'}`,
    `format=${request.format}`,
    `phones=${request.phones}`,
  ].join(' ')
  return {
    actor: request.actor,
    actorRole: request.actorRole,
    action: 'experts.export',
    subjectType: 'experts.consultation',
    countyCode: filters.region.regionCode,
    ip: request.ip,
    changes: {
      filters: { old: null, new: described },
      rows: { old: null, new: rows },
      completed: { old: null, new: completed },
    },
  }
}
