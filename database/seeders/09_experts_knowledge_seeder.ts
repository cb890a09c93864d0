import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import User from '#core/accounts/models/user'
import Consultation from '#modules/experts/models/consultation'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import Expert from '#modules/experts/models/expert'
import { TRIAGE_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { recordTransition } from '#modules/experts/shared/transition'
import { recordFollowupCall } from '#modules/experts/followups/followup_calls'

/** Solved cases per industry taken from the labelled set: 13 industries × 3 = 39 entries. */
const PER_INDUSTRY = 3
const KEY_PREFIX = 'demo-knowledge-'

interface LabelledCase {
  cluster: string
  industry: string
  county: string
  text: string
  answer: string
}

/**
 * 农技知识库 in development: a few dozen entries across the 10+3 industries, so that
 * /knowledge is alive for a newcomer. Each is a case the 信息员 李信息 reported with the
 * farmer's consent, answered by the demo expert, closed, and ruled valid at its 回访 by
 * 钱主任 through recordFollowupCall — the entry is written by the same hook as a real
 * one. The questions and answers are the labelled set's (tests/fixtures/text/cases.jsonl,
 * the file text:eval reads). Idempotent by idempotency key.
 */
export default class KnowledgeDemoSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    if (app.inProduction) throw new Error('Demo knowledge entries are never created in production.')
    const officer = await User.findBy('phone', '13900000002')
    const caller = await User.findBy('phone', '13900000006')
    const expertUser = await User.findBy('phone', '13900000003')
    const expert = expertUser ? await Expert.query().where('user_id', expertUser.id).first() : null
    if (!officer || !caller || !expert) return console.log('Demo knowledge skipped: run the demo accounts and profiles seeders first.')

    const rows: LabelledCase[] = (await readFile(app.makePath('tests/fixtures/text/cases.jsonl'), 'utf8'))
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line))
    const taken = new Map<string, number>()
    const chosen = rows.filter((row) => {
      const count = taken.get(row.industry) ?? 0
      taken.set(row.industry, count + 1)
      return count < PER_INDUSTRY
    })

    let made = 0
    for (const [index, row] of chosen.entries()) {
      const key = `${KEY_PREFIX}${row.cluster}`
      if (await Consultation.query().where('reporter_id', officer.id).where('idempotency_key', key).first()) continue
      // Spread over the last two months, newest first on the page.
      const created = DateTime.now().minus({ days: 60 - index, hours: 3 })
      const consultationId = await db.transaction(async (trx) => {
        const consultation = new Consultation()
        consultation.fill({
          reporterId: officer.id,
          farmerName: '王大田',
          farmerPhone: '13900000001',
          industryCode: row.industry,
          countyCode: row.county,
          text: row.text,
          moderation: 'pass',
          triageDueAt: created.plus(TRIAGE_WINDOW_MS),
          idempotencyKey: key,
          knowledgeConsent: true,
          createdAt: created,
        })
        await recordTransition(trx, consultation, 'submitted', { kind: 'submitted', actor: officer, actorRole: 'info_officer' })
        const answeredAt = created.plus({ hours: 2 })
        await ConsultationMessage.create(
          { consultationId: consultation.id, authorId: expertUser!.id, authorRole: 'expert', kind: 'answer', body: row.answer, moderation: 'pass', createdAt: answeredAt },
          { client: trx }
        )
        // The loop in between (triage, assignment) is not what this demo shows: the case is put straight in 'closed'.
        consultation.merge({ state: 'closed', expertId: expert.id, triageLevel: 'county', assignedAt: created.plus({ minutes: 10 }), firstResponseAt: answeredAt, answeredAt, closedAt: created.plus({ days: 1 }), followupDueAt: created.plus({ days: 8 }) })
        await consultation.useTransaction(trx).save()
        return consultation.id
      })
      await recordFollowupCall(caller, 'center_admin', consultationId, { reached: true, serviceValid: true, category: 'technical_guidance', notes: null })
      made++
    }
    console.log(`Demo knowledge: ${made} new entries (${chosen.length} in all, idempotent).`)
  }
}
