import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { publicSolvedDocument } from '#core/text/documents'

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
  const row = await publicSolvedDocument(documentId, client)
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
