import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { decodeCsv, looksLikeFormula, looksLikeWorkbook, parseCsv } from '#core/spreadsheets/csv_reader'

/*
 * The village registry: townships and villages of each county with their 12-digit
 * statistical division codes (统计用区划代码 = county 6 + township 3 + village 3), as
 * county centre staff import them. An import is read into a preview first (what would
 * be added, renamed, moved, retired), kept with its line-by-line refusals, and applied
 * whole in one transaction or not at all. Geography like regions: core owns it; the
 * import pages live in admin, the officers who serve a village in experts.
 */

export interface VillageRow {
  code: string
  name: string
  township: string
}

/** A refused line: its number in the file, the i18n key of the Chinese reason (regions.villages.errors.*), its values. */
export interface LineError {
  line: number
  key: string
  data?: Record<string, string | number>
}

export interface VillageChange {
  code: string
  name: string
  township: string
  /** What it was (renamed or moved): the old name and township. */
  before?: { name: string; township: string }
}

export interface ImportChanges {
  added: VillageChange[]
  changed: VillageChange[]
  restored: VillageChange[]
  retired: VillageChange[]
  unchanged: number
}

export interface VillageImport {
  id: number
  countyCode: string
  userId: number
  fileName: string
  status: 'preview' | 'refused' | 'applied' | 'superseded'
  lineCount: number
  rows: VillageRow[]
  errors: LineError[]
  errorCount: number
  changes: ImportChanges | null
  createdAt: Date
  appliedAt: Date | null
}

/** A county has a few hundred villages; a file longer than this is not a county's list. */
export const MAX_IMPORT_ROWS = 5000
/** Refusals kept and shown per import (the count says how many there were). */
export const MAX_LINE_ERRORS = 200

const CODE = /^\d{12}$/
/** A name in Chinese: Han characters, with the （）· and digits some names carry (第一村, 二〇组). */
const CHINESE_NAME = /^\p{Script=Han}[\p{Script=Han}0-9０-９·（）()〇]{0,39}$/u

const HEADER_NAMES: Record<keyof VillageRow, RegExp> = {
  code: /代码|编码|code/i,
  name: /^(村|社区|名称|村名|村.?居.?委员?会|name)/i,
  township: /乡|镇|街道|township/i,
}

/** The header row's columns when the first row is one; null when the file starts with data (code, name, township). */
function headerColumns(cells: string[]): Record<keyof VillageRow, number> | null {
  if (cells.some((cell) => /^\d{6,}$/.test(cell))) return null
  const find = (field: keyof VillageRow) => cells.findIndex((cell) => HEADER_NAMES[field].test(cell))
  const code = find('code')
  if (code < 0) return null
  const township = cells.findIndex((cell, index) => index !== code && HEADER_NAMES.township.test(cell))
  const name = cells.findIndex((cell, index) => index !== code && index !== township && HEADER_NAMES.name.test(cell))
  return { code, name: name < 0 ? 1 : name, township: township < 0 ? 2 : township }
}

/**
 * Reads and checks a county's file: every line is a village of this county (code of 12
 * digits starting with the county's 6, its last 3 not 000, once in the file), with a
 * Chinese name and township; a township code has one name. Formulas are refused, never
 * evaluated. Returns the good rows and, per bad line, why.
 */
export function readVillageFile(bytes: Uint8Array, countyCode: string): { rows: VillageRow[]; errors: LineError[]; errorCount: number; lineCount: number } {
  if (bytes.length === 0) return refusal(0, 'empty')
  if (looksLikeWorkbook(bytes)) return refusal(0, 'workbook')
  const { text } = decodeCsv(bytes)
  const parsed = parseCsv(text, { maxRows: MAX_IMPORT_ROWS + 1 })
  if (parsed.truncated) return refusal(parsed.lines, 'too_many_lines', { lines: parsed.lines, max: MAX_IMPORT_ROWS })
  let lines = parsed.rows
  const header = lines.length ? headerColumns(lines[0].cells) : null
  if (header) lines = lines.slice(1)
  const columns = header ?? { code: 0, name: 1, township: 2 }
  if (lines.length === 0) return refusal(parsed.lines, 'empty')

  const errors: LineError[] = []
  const rows: VillageRow[] = []
  const seen = new Map<string, number>()
  const townshipNames = new Map<string, { name: string; line: number }>()
  for (const { line, cells } of lines) {
    const row = { code: cells[columns.code] ?? '', name: cells[columns.name] ?? '', township: cells[columns.township] ?? '' }
    const error = lineError(row, countyCode, seen, townshipNames)
    if (error) {
      errors.push({ line, ...error })
      continue
    }
    seen.set(row.code, line)
    const townshipCode = row.code.slice(0, 9)
    if (!townshipNames.has(townshipCode)) townshipNames.set(townshipCode, { name: row.township, line })
    rows.push(row)
  }
  return { rows, errors: errors.slice(0, MAX_LINE_ERRORS), errorCount: errors.length, lineCount: parsed.lines }
}

function lineError(
  row: VillageRow,
  countyCode: string,
  seen: Map<string, number>,
  townships: Map<string, { name: string; line: number }>
): Omit<LineError, 'line'> | null {
  for (const [field, value] of Object.entries(row)) {
    if (looksLikeFormula(value)) return { key: 'formula', data: { field: fieldLabel(field) } }
  }
  if (!row.code) return { key: 'code_missing' }
  const digits = row.code.replace(/\s/g, '')
  if (!/^\d+$/.test(digits)) return { key: 'code_not_digits', data: { code: clip(row.code) } }
  if (!CODE.test(digits)) return { key: 'code_length', data: { code: clip(row.code), length: digits.length } }
  row.code = digits
  if (!digits.startsWith(countyCode)) return { key: 'code_other_county', data: { code: digits, county: countyCode } }
  if (digits.endsWith('000')) return { key: 'code_township', data: { code: digits } }
  const first = seen.get(digits)
  if (first) return { key: 'code_duplicate', data: { code: digits, line: first } }
  if (!row.name) return { key: 'name_missing' }
  if (!CHINESE_NAME.test(row.name)) return { key: 'name_not_chinese', data: { name: clip(row.name) } }
  if (!row.township) return { key: 'township_missing' }
  if (!CHINESE_NAME.test(row.township)) return { key: 'township_not_chinese', data: { name: clip(row.township) } }
  const township = townships.get(digits.slice(0, 9))
  if (township && township.name !== row.township) {
    return { key: 'township_two_names', data: { code: digits.slice(0, 9), name: township.name, line: township.line } }
  }
  return null
}

const fieldLabel = (field: string) => ({ code: '代码', name: '村名', township: '乡镇' })[field] ?? field
/** A bad value as shown back: short, and never starting a formula when shown or exported. */
const clip = (value: string) => (value.length > 20 ? `${value.slice(0, 20)}…` : value)

function refusal(lineCount: number, key: string, data?: LineError['data']) {
  return { rows: [], errors: [{ line: 0, key, data }], errorCount: 1, lineCount }
}

interface CurrentVillage {
  code: string
  name: string
  township: string
  township_code: string
  retired: boolean
}

async function currentVillages(client: QueryClientContract, countyCode: string): Promise<Map<string, CurrentVillage>> {
  const rows: CurrentVillage[] = await client
    .from('villages as v')
    .join('townships as t', 't.code', 'v.township_code')
    .where('v.county_code', countyCode)
    .select('v.code', 'v.name', 't.name as township', 'v.township_code', db.raw('v.retired_at IS NOT NULL AS retired'))
  return new Map(rows.map((row) => [row.code, row]))
}

/** What applying the rows to the county's registry would change. */
export async function changesOf(client: QueryClientContract, countyCode: string, rows: VillageRow[]): Promise<ImportChanges> {
  const current = await currentVillages(client, countyCode)
  const changes: ImportChanges = { added: [], changed: [], restored: [], retired: [], unchanged: 0 }
  const inFile = new Set<string>()
  for (const row of rows) {
    inFile.add(row.code)
    const was = current.get(row.code)
    if (!was) changes.added.push(row)
    else if (was.retired) changes.restored.push(row)
    else if (was.name !== row.name || was.township !== row.township) changes.changed.push({ ...row, before: { name: was.name, township: was.township } })
    else changes.unchanged++
  }
  for (const was of current.values()) {
    if (!was.retired && !inFile.has(was.code)) changes.retired.push({ code: was.code, name: was.name, township: was.township })
  }
  return changes
}

/** Reads a county's file into an import: a preview of its changes, or refused line by line (kept either way). */
export async function previewVillageImport({ actor, ip }: Actor, countyCode: string, fileName: string, bytes: Uint8Array): Promise<VillageImport> {
  const read = readVillageFile(bytes, countyCode)
  return db.transaction(async (trx) => {
    const refused = read.errorCount > 0
    const changes = refused ? null : await changesOf(trx, countyCode, read.rows)
    const [row] = await trx
      .table('village_imports')
      .insert({
        county_code: countyCode,
        user_id: actor.id,
        file_name: fileName.slice(0, 200),
        status: refused ? 'refused' : 'preview',
        line_count: read.lineCount,
        rows: JSON.stringify(refused ? [] : read.rows),
        errors: JSON.stringify({ list: read.errors, count: read.errorCount }),
        changes: changes ? JSON.stringify(changes) : null,
        created_at: new Date(),
      })
      .returning('*')
    await audit(trx, { actor, action: 'villages.import_read', subjectType: 'village_import', subjectId: row.id, countyCode, ip })
    return toImport(row)
  })
}

export class ImportNotPendingError extends Error {}

/**
 * Applies a previewed import whole, in one transaction: townships and villages added or
 * renamed, retired ones back, the ones missing from the file retired. The changes are
 * computed again under the county's lock (the registry may have moved since the preview).
 */
export async function applyVillageImport({ actor, ip }: Actor, actorRole: string, importId: number): Promise<VillageImport> {
  return db.transaction(async (trx) => {
    const row = await trx.from('village_imports').where('id', importId).forUpdate().first()
    if (!row || row.status !== 'preview') throw new ImportNotPendingError()
    const countyCode: string = row.county_code
    await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`villages:${countyCode}`])
    const rows: VillageRow[] = row.rows
    const changes = await changesOf(trx, countyCode, rows)
    await writeRegistry(trx, countyCode, rows, changes)
    const now = new Date()
    const [applied] = await trx
      .from('village_imports')
      .where('id', importId)
      .update({ status: 'applied', applied_at: now, changes: JSON.stringify(changes) })
      .returning('*')
    await trx.from('village_imports').where('county_code', countyCode).where('status', 'preview').update({ status: 'superseded' })
    await audit(trx, {
      actor,
      actorRole,
      action: 'villages.import',
      subjectType: 'village_import',
      subjectId: importId,
      countyCode,
      ip,
      changes: {
        added: { old: null, new: changes.added.length },
        changed: { old: null, new: changes.changed.length },
        restored: { old: null, new: changes.restored.length },
        retired: { old: null, new: changes.retired.length },
      },
    })
    return toImport(applied)
  })
}

async function writeRegistry(trx: TransactionClientContract, countyCode: string, rows: VillageRow[], changes: ImportChanges) {
  const now = new Date()
  const townships = new Map<string, string>()
  for (const row of rows) townships.set(row.code.slice(0, 9), row.township)
  if (townships.size) {
    await trx.rawQuery(
      `INSERT INTO townships (code, county_code, name)
       SELECT code, ?, name FROM unnest(?::text[], ?::text[]) AS t(code, name)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
      [countyCode, [...townships.keys()], [...townships.values()]]
    )
  }
  const touched = [...changes.added, ...changes.changed, ...changes.restored]
  if (touched.length) {
    await trx.rawQuery(
      `INSERT INTO villages (code, township_code, county_code, name, retired_at, created_at, updated_at)
       SELECT code, left(code, 9), ?, name, NULL, ?, ? FROM unnest(?::text[], ?::text[]) AS v(code, name)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, township_code = EXCLUDED.township_code, retired_at = NULL, updated_at = EXCLUDED.updated_at`,
      [countyCode, now, now, touched.map((row) => row.code), touched.map((row) => row.name)]
    )
  }
  if (changes.retired.length) {
    await trx.from('villages').whereIn('code', changes.retired.map((row) => row.code)).update({ retired_at: now, updated_at: now })
  }
}

function toImport(row: any): VillageImport {
  return {
    id: Number(row.id),
    countyCode: row.county_code,
    userId: Number(row.user_id),
    fileName: row.file_name,
    status: row.status,
    lineCount: row.line_count,
    rows: row.rows,
    errors: row.errors.list,
    errorCount: row.errors.count,
    changes: row.changes,
    createdAt: row.created_at,
    appliedAt: row.applied_at,
  }
}

export async function findVillageImport(id: number): Promise<VillageImport | null> {
  const row = await db.from('village_imports').where('id', id).first()
  return row ? toImport(row) : null
}

/** A county's imports, newest first (the registry's history), without their rows. */
export async function villageImportsOf(countyCode: string, limit = 20) {
  const rows = await db
    .from('village_imports as i')
    .leftJoin('users as u', 'u.id', 'i.user_id')
    .where('i.county_code', countyCode)
    .orderBy('i.id', 'desc')
    .limit(limit)
    .select('i.id', 'i.status', 'i.file_name', 'i.line_count', 'i.created_at', 'i.applied_at', 'u.name as user_name', db.raw("(i.errors->>'count')::int AS error_count"))
  return rows.map((row) => ({
    id: Number(row.id),
    status: row.status as VillageImport['status'],
    fileName: row.file_name as string,
    lineCount: row.line_count as number,
    errorCount: row.error_count as number,
    createdAt: row.created_at as Date,
    appliedAt: row.applied_at as Date | null,
    userName: (row.user_name as string | null) ?? '',
  }))
}

export interface Village {
  code: string
  name: string
  townshipCode: string
  township: string
  countyCode: string
}

/** The current (not retired) villages of a county, by township and code. */
export async function villagesOf(countyCode: string, client: QueryClientContract = db.connection()): Promise<Village[]> {
  const rows = await client
    .from('villages as v')
    .join('townships as t', 't.code', 'v.township_code')
    .where('v.county_code', countyCode)
    .whereNull('v.retired_at')
    .orderBy('v.township_code')
    .orderBy('v.code')
    .select('v.code', 'v.name', 'v.township_code', 't.name as township', 'v.county_code')
  return rows.map((row) => ({ code: row.code, name: row.name, townshipCode: row.township_code, township: row.township, countyCode: row.county_code }))
}

/** One village (retired ones too: an officer's or a case's village keeps its name). */
export async function findVillage(code: string | null | undefined, client: QueryClientContract = db.connection()): Promise<Village | null> {
  if (!code || !CODE.test(code)) return null
  const row = await client
    .from('villages as v')
    .join('townships as t', 't.code', 'v.township_code')
    .where('v.code', code)
    .select('v.code', 'v.name', 'v.township_code', 't.name as township', 'v.county_code')
    .first()
  return row ? { code: row.code, name: row.name, townshipCode: row.township_code, township: row.township, countyCode: row.county_code } : null
}

/** Whether the code is a current village of the county (an officer applies for one of those). */
export async function isCurrentVillageOf(code: string, countyCode: string, client: QueryClientContract = db.connection()) {
  if (!CODE.test(code) || !code.startsWith(countyCode)) return false
  return !!(await client.from('villages').where('code', code).whereNull('retired_at').first())
}

/** Villages grouped by township, in the order given (villagesOf's: by township, then code). */
export function byTownship<T extends Pick<Village, 'townshipCode' | 'township'>>(villages: T[]) {
  const townships: { code: string; name: string; villages: T[] }[] = []
  for (const village of villages) {
    let last = townships.at(-1)
    if (!last || last.code !== village.townshipCode) {
      last = { code: village.townshipCode, name: village.township, villages: [] }
      townships.push(last)
    }
    last.villages.push(village)
  }
  return townships
}
