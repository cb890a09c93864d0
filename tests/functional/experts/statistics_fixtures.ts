import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#core/accounts/models/user'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import FollowupCall from '#modules/experts/models/followup_call'
import { recordEvent, recordTransition } from '#modules/experts/shared/transition'
import { createUser } from '#tests/helpers'

export async function expertIn(county: string, name: string) {
  const user = await createUser({ county, roles: ['expert'], name })
  return Expert.create({
    userId: user.id,
    organization: '四川省农业科学院',
    title: '研究员',
    level: 'county',
    countyCode: county,
    industries: ['grain_oil'],
    status: 'verified',
  })
}

export interface Story {
  county?: string
  industry?: string
  /** resolved_by_similar, or left waiting for triage. */
  stop?: 'resolved' | 'awaiting_triage'
  expert?: Expert
  /** Minutes from submission to assignment. */
  assignAfter?: number
  /** Experts who let the response deadline pass before the case moved on. */
  missedBy?: Expert[]
  /** Minutes from assignment to the expert's first response (accept or answer). */
  respondAfter?: number
  /** Days from submission to closing; `autoClosed` closes it the way the sweep does. */
  closeAfter?: number
  autoClosed?: boolean
  rating?: number
  /** Days from closing to the reached follow-up call, and its ruling. */
  followAfter?: number
  valid?: boolean
}

/** One case written step by step through recordTransition, with the timings of the story. */
export async function caseWith(reporter: User, created: DateTime, story: Story) {
  const consultation = await Consultation.create({
    reporterId: reporter.id,
    industryCode: story.industry ?? 'grain_oil',
    countyCode: story.county ?? '510104',
    text: '玉米叶片发黄，怎么办？',
    state: 'submitted',
    moderation: 'pass',
    triageDueAt: created.plus({ hours: 1 }),
    createdAt: created,
  })
  await db.transaction(async (trx) => {
    await recordEvent(trx, consultation, { kind: 'submitted', actor: reporter })
    if (story.stop === 'resolved') {
      await recordTransition(trx, consultation, 'resolved_by_similar', { kind: 'resolved_by_similar', actor: reporter })
      return
    }
    await recordTransition(trx, consultation, 'awaiting_triage', { kind: 'entered_triage' })
    if (story.stop === 'awaiting_triage' || story.assignAfter === undefined) return
    const assignedAt = created.plus({ minutes: story.assignAfter })
    await recordTransition(trx, consultation, 'assigned', { kind: 'assigned', expertId: story.expert!.id }, { expertId: story.expert!.id, assignedAt })
    for (const missed of story.missedBy ?? []) await recordEvent(trx, consultation, { kind: 'response_missed', expertId: missed.id })
    if (story.respondAfter === undefined) return
    const answeredAt = assignedAt.plus({ minutes: story.respondAfter })
    await recordTransition(trx, consultation, 'answering', { kind: 'answered', expertId: story.expert!.id }, { firstResponseAt: answeredAt, answeredAt })
    if (story.closeAfter === undefined) return
    const closedAt = created.plus({ days: story.closeAfter })
    await recordTransition(
      trx,
      consultation,
      'closed',
      story.autoClosed ? { kind: 'auto_closed' } : { kind: 'closed', actor: reporter },
      { closedAt, followupDueAt: closedAt.plus({ days: 7 }), rating: story.rating ?? null }
    )
    if (story.followAfter === undefined) return
    const followedAt = closedAt.plus({ days: story.followAfter })
    await FollowupCall.create(
      { consultationId: consultation.id, callerId: reporter.id, callerRole: 'center_staff', reached: true, serviceValid: story.valid!, category: 'diagnosis', createdAt: followedAt },
      { client: trx }
    )
    await recordTransition(trx, consultation, 'followed_up', { kind: 'followed_up' })
  })
  return consultation
}
