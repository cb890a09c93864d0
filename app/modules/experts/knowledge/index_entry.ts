import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { removeDocument, upsertDocument } from '#core/text/documents'
import type KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'

/**
 * Knowledge entries are documents of their own source in the text index, holding the
 * masked public wording (never the case's own text). The source is registered as a
 * directory (start.ts), so a plain similar() leaves them out; 找类似 asks for them first
 * (similar/suggestions.ts) and then skips the case an entry came from, so nothing is
 * suggested twice.
 */
export const KNOWLEDGE_SOURCE = 'knowledge'

export async function indexEntry(trx: TransactionClientContract, entry: KnowledgeEntry) {
  if (entry.state !== 'published') return removeDocument(KNOWLEDGE_SOURCE, String(entry.id), trx)
  await upsertDocument(
    {
      sourceType: KNOWLEDGE_SOURCE,
      sourceId: String(entry.id),
      industry: entry.industryCode,
      // The city, as on the entry's page: a document is readable at /cases/:id too.
      county: entry.cityCode,
      text: `${entry.title}\n${entry.problem}`,
      answer: entry.answer,
      solved: true,
      public: true,
      createdAt: entry.validatedAt.toJSDate(),
    },
    trx
  )
}
