import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { removeDocument, upsertDocument } from '#core/text/documents'
import type Consultation from '#modules/experts/models/consultation'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import User from '#core/accounts/models/user'
import { maskPersonal } from '#modules/experts/shared/masking'

export const CONSULTATION_SOURCE = 'consultation'

/**
 * Keeps a case's entry in the text index in step with the case: once an expert has
 * answered (and nothing is held), it is a solved public case that 找类似 can offer —
 * to anyone, so the copy in the index has the people's names and phone numbers masked;
 * before that, or while held, it is not in the index at all.
 */
export async function indexConsultation(trx: TransactionClientContract, consultation: Consultation) {
  const answers = await ConsultationMessage.query({ client: trx })
    .where('consultation_id', consultation.id)
    .where('kind', 'answer')
    .where('moderation', 'pass')
    .orderBy('id')
  if (consultation.moderation !== 'pass' || answers.length === 0) {
    await removeDocument(CONSULTATION_SOURCE, String(consultation.id), trx)
    return
  }
  const reporter = await User.query({ client: trx }).where('id', consultation.reporterId).select('name').first()
  const names = [consultation.farmerName, reporter?.name]
  await upsertDocument(
    {
      sourceType: CONSULTATION_SOURCE,
      sourceId: String(consultation.id),
      industry: consultation.industryCode,
      county: consultation.countyCode,
      text: maskPersonal(consultation.text, names),
      answer: maskPersonal(answers.map((answer) => answer.body).join('\n'), names),
      solved: true,
      public: true,
      rating: consultation.rating,
      createdAt: consultation.createdAt.toJSDate(),
    },
    trx
  )
}
