import db from '@adonisjs/lucid/services/db'
import { SUBMITTED_IDLE_MS } from '#modules/experts/shared/consultation_states'
import i18nManager from '@adonisjs/i18n/services/main'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { beijingTime, clock } from '#core/clock'
import type Consultation from '#modules/experts/models/consultation'
import { OPEN_FOR_EXPERT } from '#modules/experts/shared/consultation_states'
import { lockConsultation, recordEvent } from '#modules/experts/shared/transition'
import { enterTriage } from '#modules/experts/triage/enter_triage'
import { escalateTriage, foundLateNote, notifyCentre, reassign } from '#modules/experts/triage/assign_expert'

/** Cases handled per kind and batch; the rest wait for the next batch (or the next run). */
const BATCH = 100
const MAX_BATCHES = 10

export interface SweepReport {
  enteredTriage: number
  escalated: number
  missed: number
}

const zh = () => i18nManager.locale('zh-CN')

/**
 * Enforces the deadlines that are columns of the case (DESIGN §4). Acts on current
 * state only, each case in its own transaction under its row lock, re-checking the
 * condition after locking: a second run right after the first finds nothing to do,
 * and two workers never handle the same case twice.
 *
 * A case the sweep itself moves into triage with its deadline already gone (the app
 * was down) is escalated in the same run, so the next run has nothing left to do.
 */
export async function sweepDeadlines(now: Date = clock.now()): Promise<SweepReport> {
  const missed = await each(
    (client) =>
      client
        .from('experts_consultations')
        .where('state', 'assigned')
        .whereNull('first_response_at')
        .where('response_due_at', '<=', now),
    (trx, consultation) => missResponse(trx, consultation, now)
  )
  const answeredLate = await each(lateResponses, recordLateResponse)
  const idleSince = new Date(now.getTime() - SUBMITTED_IDLE_MS)
  const enteredTriage = await each(
    (client) =>
      client
        .from('experts_consultations')
        .where('state', 'submitted')
        .where('moderation', 'pass')
        .where('updated_at', '<=', idleSince),
    (trx, consultation) => enterTriage(trx, consultation, null, zh().t('experts.triage.reasons.idle_submitted'))
  )
  const escalated = await each(
    (client) => client.from('experts_consultations').where('state', 'awaiting_triage').where('triage_due_at', '<=', now),
    (trx, consultation) => escalate(trx, consultation, now)
  )
  return { enteredTriage, escalated, missed: missed + answeredLate }
}

/** Runs `handle` for each due case in its own transaction; the query is re-checked under the lock. */
async function each(
  due: (client: QueryClientContract) => DatabaseQueryBuilderContract<any>,
  handle: (trx: TransactionClientContract, consultation: Consultation) => Promise<boolean>
) {
  let handled = 0
  let afterId = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows: { id: number }[] = await due(db.connection()).where('id', '>', afterId).orderBy('id').limit(BATCH).select('id')
    if (!rows.length) break
    for (const { id } of rows) {
      const done = await db.transaction(async (trx) => {
        const consultation = await lockConsultation(trx, id)
        if (!consultation) return false
        // Still due after locking? Another worker or an expert may have acted meanwhile.
        const still = await due(trx).where('id', id).first()
        return still ? handle(trx, consultation) : false
      })
      if (done) handled++
    }
    afterId = Number(rows[rows.length - 1].id)
  }
  return handled
}

/** Nobody took the case within its triage hour (escalateTriage: event, centre, retry). */
async function escalate(trx: TransactionClientContract, consultation: Consultation, now: Date) {
  await escalateTriage(trx, consultation, now)
  return true
}

/** The expert let 3 hours pass without a word: the miss is recorded and the next candidate gets the case. */
async function missResponse(trx: TransactionClientContract, consultation: Consultation, now: Date) {
  const i18n = zh()
  const expertId = consultation.expertId
  await recordEvent(trx, consultation, {
    kind: 'response_missed',
    expertId,
    reason:
      i18n.t('experts.triage.reasons.response_missed', { at: beijingTime(now, 'MM-dd HH:mm') }) +
      (consultation.responseDueAt ? foundLateNote(consultation.responseDueAt, now) : ''),
  })
  await reassign(trx, consultation, { reasonPrefix: i18n.t('experts.triage.reasons.after_miss') })
  return true
}

/**
 * Cases whose expert responded only after the 3-hour deadline with no response_missed
 * recorded for that assignment: possible only when the sweep did not run at the
 * deadline (the worker was down), since on time the case is taken away. Read through
 * experts_consultations_state, open states only.
 */
function lateResponses(client: QueryClientContract) {
  return client
    .from('experts_consultations as c')
    .whereIn('c.state', [...OPEN_FOR_EXPERT])
    .whereNotNull('c.expert_id')
    .whereRaw('c.first_response_at > c.response_due_at')
    .whereNotExists((events) =>
      events
        .from('experts_consultation_events as e')
        .whereRaw('e.consultation_id = c.id')
        .where('e.kind', 'response_missed')
        .whereRaw('e.expert_id = c.expert_id')
        .whereRaw('e.created_at >= c.assigned_at')
    )
}

/** The expert answered late while the sweep was not running: the miss is recorded and the centre told; the case stays with them. */
async function recordLateResponse(trx: TransactionClientContract, consultation: Consultation) {
  const i18n = zh()
  await recordEvent(trx, consultation, {
    kind: 'response_missed',
    expertId: consultation.expertId,
    reason: i18n.t('experts.triage.reasons.response_missed_late', {
      due: beijingTime(consultation.responseDueAt!, 'MM-dd HH:mm'),
      responded: beijingTime(consultation.firstResponseAt!, 'MM-dd HH:mm'),
    }),
  })
  await notifyCentre(trx, consultation, i18n.t('experts.triage.notify.response_missed_late_title'), consultation.text.slice(0, 80))
  return true
}
