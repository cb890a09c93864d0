import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** A solved case as the public sees it: a past question and its answer, no names, no phones. */
export interface PublicCase {
  id: number
  sourceType: string
  text: string
  answer: string
  industryCode: string | null
  countyCode: string | null
  rating: number | null
  createdAt: Date
}

/**
 * One public, solved document of the text index (an answered case of this platform or
 * a historical one from cases:import). Anything else — private, unsolved, unknown —
 * is null: the page then answers 404 without saying why.
 */
export async function findPublicCase(documentId: number, client?: TransactionClientContract): Promise<PublicCase | null> {
  if (!Number.isSafeInteger(documentId) || documentId < 1) return null
  const row = await (client ?? db)
    .from('text_documents')
    .where('id', documentId)
    .where('public', true)
    .where('solved', true)
    .select('id', 'source_type', 'text', 'answer', 'industry_code', 'county_code', 'rating', 'created_at')
    .first()
  if (!row) return null
  return {
    id: Number(row.id),
    sourceType: row.source_type,
    text: row.text,
    answer: row.answer,
    industryCode: row.industry_code,
    countyCode: row.county_code,
    rating: row.rating,
    createdAt: row.created_at,
  }
}
