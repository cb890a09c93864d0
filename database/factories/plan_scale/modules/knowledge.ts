import { documentRow } from '#core/text/documents'
import { segmenter } from '#core/text/segmenter'
import { CopyWriter } from '#database/factories/plan_scale/copy'
import type { ModuleGenerationContext } from '#database/factories/plan_scale/module_generators'
import { KNOWLEDGE_SOURCE } from '#modules/experts/knowledge/index_entry'
import { maskPersonal, titleFrom } from '#modules/experts/shared/masking'

/**
 * 农技知识库 at plan scale (issue 14 §3): the newest ENTRIES generated cases whose 回访
 * ruled the service valid become entries as publish_entry.ts makes them — masked
 * question and answer, a first revision, an index document — and their cases are marked
 * as consenting. About one valid case in four becomes public this way, the share of
 * reporters the predecessor saw agree.
 */
const ENTRIES = 100_000

export async function generate({ connect, log }: ModuleGenerationContext): Promise<number> {
  const client = await connect()
  await client.query(`DELETE FROM text_documents WHERE source_type = $1`, [KNOWLEDGE_SOURCE])
  await client.query('TRUNCATE experts_knowledge_revisions, experts_knowledge_entries RESTART IDENTITY CASCADE')
  const picked = await client.query(
    `SELECT c.id, c.industry_code, c.county_code, r.parent_code AS city_code, c.text, c.farmer_name, u.name AS reporter_name,
       f.created_at AS validated_at, string_agg(m.body, E'\\n' ORDER BY m.id) AS answer
     FROM (
       SELECT DISTINCT ON (consultation_id) consultation_id, created_at FROM experts_followup_calls
       WHERE reached AND service_valid ORDER BY consultation_id, id
     ) f
     JOIN experts_consultations c ON c.id = f.consultation_id AND c.moderation = 'pass'
     JOIN users u ON u.id = c.reporter_id
     JOIN regions r ON r.code = c.county_code
     JOIN experts_messages m ON m.consultation_id = c.id AND m.kind = 'answer' AND m.moderation = 'pass'
     GROUP BY c.id, r.parent_code, u.name, f.created_at
     ORDER BY f.created_at DESC
     LIMIT $1`,
    [ENTRIES]
  )
  log(`  ${picked.rowCount} valid answered cases picked`)
  const [entryClient, revisionClient, documentClient] = [await connect(), await connect(), await connect()]
  const entries = new CopyWriter(entryClient, 'experts_knowledge_entries', [
    'id', 'consultation_id', 'industry_code', 'county_code', 'city_code', 'title', 'problem', 'answer', 'state', 'validated_at', 'created_at', 'updated_at',
  ])
  const revisions = new CopyWriter(revisionClient, 'experts_knowledge_revisions', ['entry_id', 'editor_id', 'kind', 'title', 'problem', 'answer', 'created_at'])
  const documentColumns = ['source_type', 'source_id', 'industry_code', 'county_code', 'text', 'answer', 'solved', 'public', 'rating', 'text_tokens', 'answer_tokens', 'normalized_text', 'tags', 'created_at', 'updated_at'] as const
  const documents = new CopyWriter(documentClient, 'text_documents', [...documentColumns])
  const cut = segmenter()
  let id = 0
  for (const row of picked.rows) {
    id++
    const names = [row.farmer_name, row.reporter_name]
    const problem = maskPersonal(row.text, names)
    const answer = maskPersonal(row.answer, names)
    const title = titleFrom(problem)
    const at = new Date(row.validated_at)
    entries.add([id, row.id, row.industry_code, row.county_code, row.city_code, title, problem, answer, 'published', at, at, at])
    revisions.add([id, null, 'created', title, problem, answer, at])
    const document = documentRow(
      { sourceType: KNOWLEDGE_SOURCE, sourceId: String(id), industry: row.industry_code, county: row.city_code, text: `${title}\n${problem}`, answer, solved: true, public: true, createdAt: at },
      cut
    )
    documents.add(documentColumns.map((column) => document[column]))
    if (id % 2000 === 0) await Promise.all([entries.drain(), revisions.drain(), documents.drain()])
  }
  await Promise.all([entries.end(), revisions.end(), documents.end()])
  await client.query(`SELECT setval(pg_get_serial_sequence('experts_knowledge_entries', 'id'), greatest($1::bigint, 1))`, [id])
  await client.query(`UPDATE experts_consultations SET knowledge_consent = true WHERE id IN (SELECT consultation_id FROM experts_knowledge_entries)`)
  // The index documents too: the planner must know there are 100 k of the source before it picks an index for them.
  await client.query('ANALYZE experts_knowledge_entries, experts_knowledge_revisions, text_documents')
  return id
}
