import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { clock } from '#core/clock'
import { lockConsultation, recordTransition } from '#modules/experts/shared/transition'
import { enterTriage } from '#modules/experts/triage/enter_triage'
import { findPublicCase } from '#modules/experts/similar/solved_cases'

/**
 * The reporter's answer to the similar cases shown after submitting. Both are
 * possible only while the case is still 'submitted' (a second click, or a click after
 * the sweep already sent it to triage, changes nothing and returns false).
 */

/** "这个解决了我的问题": the case ends here, remembering which past case solved it (statistics count these). */
export async function resolveBySimilar(consultationId: number, reporter: { id: number }, documentId: number) {
  return db.transaction(async (trx) => {
    const consultation = await lockConsultation(trx, consultationId)
    if (!consultation || consultation.state !== 'submitted') return false
    if (!(await findPublicCase(documentId, trx))) return false
    await recordTransition(
      trx,
      consultation,
      'resolved_by_similar',
      { kind: 'resolved_by_similar', actor: { id: Number(reporter.id) }, actorRole: 'reporter' },
      { similarDocumentId: documentId, closedAt: DateTime.fromJSDate(clock.now()) }
    )
    return true
  })
}

/** "没有解决，请专家解答": to triage at once, keeping the deadline set at submission. */
export async function askExpert(consultationId: number, reporter: { id: number }) {
  return db.transaction(async (trx) => {
    const consultation = await lockConsultation(trx, consultationId)
    if (!consultation) return false
    const reason = i18nManager.locale('zh-CN').t('experts.consultations.similar.not_solved_reason')
    return enterTriage(trx, consultation, { id: Number(reporter.id) }, reason)
  })
}
