import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { documentRow, type TextDocumentInput } from '#core/text/documents'
import { segmenter } from '#core/text/segmenter'

/**
 * The predecessor platform's solved cases, one JSON object a line:
 * {"text","answer","industry","county","created_at"} (empty strings allowed).
 * Bad lines are reported with their number and skipped; the rest become solved,
 * public historical cases.
 */
export const HISTORICAL_CASE = 'historical_case'
const BATCH_SIZE = 500

export interface ImportProblem {
  line: number
  message: string
}

export interface ImportResult {
  imported: number
  problems: ImportProblem[]
  ids: number[]
}

interface Reference {
  industries: Set<string>
  counties: Set<string>
}

/** One line → a document, or the Chinese reason it cannot be imported. */
export function parseCaseLine(line: string, reference: Reference): TextDocumentInput | string {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return '不是有效的 JSON'
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '不是 JSON 对象'
  const record = value as Record<string, unknown>
  const field = (name: string) => (typeof record[name] === 'string' ? (record[name] as string).trim() : '')
  if (typeof record.text !== 'string' || field('text') === '') return '缺少问题描述（text）'
  const industry = field('industry')
  if (industry && !reference.industries.has(industry)) return `未知的产业代码：${industry}`
  const county = field('county')
  if (county && !reference.counties.has(county)) return `不是四川省的县（市、区）代码：${county}`
  const createdAt = field('created_at')
  if (createdAt && Number.isNaN(Date.parse(createdAt))) return `日期无效：${createdAt}`
  return {
    sourceType: HISTORICAL_CASE,
    text: field('text'),
    answer: field('answer'),
    industry: industry || null,
    county: county || null,
    solved: true,
    public: true,
    createdAt: createdAt || null,
  }
}

export async function loadReference(client?: TransactionClientContract): Promise<Reference> {
  const connection = client ?? db
  const industries = await connection.from('industries').select('code')
  const counties = await connection.from('regions').where('level', 'county').select('code')
  return {
    industries: new Set(industries.map((row) => row.code)),
    counties: new Set(counties.map((row) => row.code)),
  }
}

/** Imports the JSONL content in batches; one transaction, so a crash leaves nothing half-done. */
export async function importCases(content: string, client?: TransactionClientContract): Promise<ImportResult> {
  const reference = await loadReference(client)
  const problems: ImportProblem[] = []
  const rows: ReturnType<typeof documentRow>[] = []
  const cut = segmenter()
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    const parsed = parseCaseLine(line, reference)
    if (typeof parsed === 'string') problems.push({ line: index + 1, message: parsed })
    else rows.push(documentRow(parsed, cut))
  })
  const ids: number[] = []
  const insert = async (trx: TransactionClientContract) => {
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const saved = await trx.table('text_documents').multiInsert(rows.slice(start, start + BATCH_SIZE)).returning('id')
      ids.push(...saved.map((row: any) => Number(row.id)))
    }
  }
  if (client) await insert(client)
  else await db.transaction(insert)
  return { imported: ids.length, problems, ids }
}
