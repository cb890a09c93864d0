import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/accounts/models/user'
import regionDirectory from '#core/regions/region_directory'
import type Consultation from '#modules/experts/models/consultation'
import type FollowupCall from '#modules/experts/models/followup_call'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import KnowledgeRevision from '#modules/experts/knowledge/knowledge_revision'
import { indexEntry } from '#modules/experts/knowledge/index_entry'
import { maskPersonal, titleFrom } from '#modules/experts/shared/masking'

/**
 * Called in the transaction that records a 回访 call. Only a reached call that rules the
 * service valid, on a case whose reporter agreed and whose text passed moderation and
 * that an expert answered, makes an entry; anything else leaves the case private. A case
 * makes one entry at most (the ruling is recorded once).
 *
 * Photos stay private: centre staff choose which may go public (entry_photos.ts).
 */
export async function publishAfterFollowup(trx: TransactionClientContract, consultation: Consultation, call: FollowupCall): Promise<KnowledgeEntry | null> {
  if (!call.reached || call.serviceValid !== true) return null
  if (!consultation.knowledgeConsent || consultation.moderation !== 'pass') return null

  const existing = await KnowledgeEntry.query({ client: trx }).where('consultation_id', consultation.id).first()
  if (existing) return existing

  const answers = await ConsultationMessage.query({ client: trx })
    .where('consultation_id', consultation.id)
    .where('kind', 'answer')
    .where('moderation', 'pass')
    .orderBy('id')
  if (answers.length === 0) return null

  const reporter = await User.find(consultation.reporterId, { client: trx })
  const names = [consultation.farmerName, reporter?.name]
  const problem = maskPersonal(consultation.text, names)
  const answer = maskPersonal(answers.map((message) => message.body).join('\n'), names)
  const county = await regionDirectory.find(consultation.countyCode)
  const now = call.createdAt
  const entry = await KnowledgeEntry.create(
    {
      consultationId: consultation.id,
      industryCode: consultation.industryCode,
      countyCode: consultation.countyCode,
      cityCode: county?.parentCode ?? `${consultation.countyCode.slice(0, 4)}00`,
      title: titleFrom(problem),
      problem,
      answer,
      state: 'published',
      validatedAt: now,
      createdAt: now,
      updatedAt: now,
    },
    { client: trx }
  )
  await KnowledgeRevision.create(
    { entryId: entry.id, editorId: null, kind: 'created', title: entry.title, problem, answer, reason: null, createdAt: now },
    { client: trx }
  )
  await indexEntry(trx, entry)
  return entry
}
