import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { RegionScope } from '#core/regions/region_scope'
import { normalizeText } from '#core/text/normalize'
import { segmenter, type Segmenter } from '#core/text/segmenter'

/**
 * The one search index of the platform (`text_documents`): every module upserts its
 * searchable records here, and 找类似 ranks them. Text is cut in Node (Postgres cannot
 * segment Chinese); the tsvector is generated from the stored token strings.
 */
export interface TextDocumentInput {
  sourceType: string
  sourceId?: string | null
  industry?: string | null
  county?: string | null
  text: string
  answer?: string
  solved?: boolean
  public?: boolean
  rating?: number | null
  createdAt?: Date | string | null
}

export interface SimilarOptions {
  industry?: string | null
  county?: string | null
  limit?: number
  /** Segmenter to cut the query with; the evaluation's lexical baseline passes plain jieba. */
  segmenter?: Segmenter
  client?: TransactionClientContract
}

export interface SimilarDocument {
  id: number
  sourceType: string
  sourceId: string | null
  industry: string | null
  county: string | null
  text: string
  answer: string
  solved: boolean
  rating: number | null
  score: number
  /** HTML-escaped excerpt with the matched tokens in <mark>. */
  snippet: string
}

/** A query longer than this many distinct tokens adds noise and cost, not recall. */
export const MAX_QUERY_TOKENS = 64
/** With this few tokens a lexical match is too thin: trigrams rescue short queries and typos. */
const TRIGRAM_MAX_TOKENS = 2

/** Row values for text_documents (tokens computed here, once, with the process's segmenter). */
export function documentRow(input: TextDocumentInput, cut: Segmenter = segmenter()) {
  return {
    source_type: input.sourceType,
    source_id: input.sourceId ?? null,
    industry_code: input.industry || null,
    county_code: input.county || null,
    text: input.text,
    answer: input.answer ?? '',
    solved: input.solved ?? false,
    public: input.public ?? true,
    rating: input.rating ?? null,
    text_tokens: cut.tokenize(input.text).join(' '),
    answer_tokens: cut.tokenize(input.answer ?? '').join(' '),
    normalized_text: normalizeText(input.text),
    created_at: input.createdAt ? new Date(input.createdAt) : new Date(),
    updated_at: new Date(),
  }
}

/** Inserts or refreshes the record (keyed by source type and id); returns its document id. */
export async function upsertDocument(input: TextDocumentInput, client?: TransactionClientContract): Promise<number> {
  const row = documentRow(input)
  const query = (client ?? db).table('text_documents')
  if (row.source_id === null) {
    const [inserted] = await query.insert(row).returning('id')
    return Number(inserted.id)
  }
  const { created_at: _createdAt, ...changes } = row
  const [saved] = await query
    .insert(row)
    .onConflict(['source_type', 'source_id'])
    .merge(input.createdAt ? row : changes)
    .returning('id')
  return Number(saved.id)
}

export async function removeDocument(sourceType: string, sourceId: string, client?: TransactionClientContract) {
  await (client ?? db).from('text_documents').where({ source_type: sourceType, source_id: sourceId }).delete()
}

/**
 * 找类似: public documents most like `text`. Relevance is ts_rank_cd over an OR of the
 * query's tokens (text weighs more than answer); same industry, then same county,
 * then same city multiply it; solved cases with better ratings win among equals.
 * Never throws on user text: tokens are letters and digits only and are passed as
 * one bound array, each quoted as a lexeme.
 */
export async function similar(text: unknown, options: SimilarOptions = {}): Promise<SimilarDocument[]> {
  const cut = options.segmenter ?? segmenter()
  const tokens = [...new Set(cut.tokenize(text))].slice(0, MAX_QUERY_TOKENS)
  if (tokens.length === 0) return []
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 5) || 5, 1), 100)
  const county = options.county && /^51\d{4}$/.test(options.county) ? options.county : null
  const city = county ? RegionScope.fromRegionCode(county).city.prefix : null
  const useTrigrams = tokens.length <= TRIGRAM_MAX_TOKENS
  const normalized = useTrigrams ? normalizeText(text).slice(0, 200) : ''

  const result = await (options.client ?? db).rawQuery(
    `
    WITH q AS (
      SELECT to_tsquery('simple', array_to_string(
        ARRAY(SELECT quote_literal(token) FROM unnest(:tokens::text[]) AS token), ' | ')) AS query
    ), hits AS (
      SELECT d.*, ts_rank_cd(d.search_vector, q.query, 1)
        ${useTrigrams ? '+ word_similarity(:normalized, d.normalized_text)' : ''} AS relevance
      FROM text_documents d, q
      WHERE d.public AND (d.search_vector @@ q.query
        ${useTrigrams ? 'OR :normalized <% d.normalized_text' : ''})
    )
    SELECT id, source_type, source_id, industry_code, county_code, text, answer, solved, rating,
      relevance * (1
        + CASE WHEN industry_code = :industry THEN 0.5 ELSE 0 END
        + CASE WHEN county_code = :county THEN 0.2
               WHEN county_code LIKE :city || '%' THEN 0.1 ELSE 0 END) AS score
    FROM hits
    ORDER BY score DESC, solved DESC, rating DESC NULLS LAST, id
    LIMIT :limit`,
    { tokens, normalized, industry: options.industry || null, county, city, limit }
  )
  return result.rows.map((row: any) => ({
    id: Number(row.id),
    sourceType: row.source_type,
    sourceId: row.source_id,
    industry: row.industry_code,
    county: row.county_code,
    text: row.text,
    answer: row.answer,
    solved: row.solved,
    rating: row.rating,
    score: Math.round(Number(row.score) * 10000) / 10000,
    snippet: highlight(row.text, tokens),
  }))
}

const SNIPPET_CHARS = 120

/** An excerpt around the first matched token, escaped, matches in <mark>. */
export function highlight(text: string, tokens: string[]): string {
  const lower = text.toLowerCase()
  const found = tokens.filter((token) => lower.includes(token)).sort((a, b) => b.length - a.length)
  const first = found.length ? Math.min(...found.map((token) => lower.indexOf(token))) : 0
  const start = Math.max(0, Math.min(first - 20, text.length - SNIPPET_CHARS))
  const excerpt = text.slice(start, start + SNIPPET_CHARS)
  let html = ''
  let position = 0
  const excerptLower = excerpt.toLowerCase()
  while (position < excerpt.length) {
    const token = found.find((candidate) => excerptLower.startsWith(candidate, position))
    if (token) {
      html += `<mark>${escapeHtml(excerpt.slice(position, position + token.length))}</mark>`
      position += token.length
    } else {
      html += escapeHtml(excerpt[position])
      position++
    }
  }
  return (start > 0 ? '…' : '') + html + (start + SNIPPET_CHARS < text.length ? '…' : '')
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
