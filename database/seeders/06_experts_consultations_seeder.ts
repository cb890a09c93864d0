import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import User from '#core/accounts/models/user'
import Consultation from '#modules/experts/models/consultation'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import Expert from '#modules/experts/models/expert'
import { RESPONSE_WINDOW_MS, TRIAGE_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { recordTransition } from '#modules/experts/shared/transition'
import { indexConsultation } from '#modules/experts/shared/index_consultation'
import { assignTo } from '#modules/experts/triage/assign_expert'

/**
 * Two demo cases so the pages have something to show (development only): the 信息员
 * 13900000002 has just reported a farmer's problem ('submitted', similar cases and the
 * 1-hour deadline on its page), and the farmer 13900000001 has one the demo expert
 * answered, with a short conversation. Each is found again by its idempotency key, so
 * running the seeder twice adds nothing. The answered case is assigned through the
 * app's assignTo, which counts it in the expert's open_cases as triage would.
 */
const SUBMITTED_KEY = 'demo-consultation-submitted'
const ANSWERED_KEY = 'demo-consultation-answered'

export default class ConsultationsDemoSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    if (app.inProduction) throw new Error('Demo cases are never created in production.')
    const officer = await User.findBy('phone', '13900000002')
    const farmer = await User.findBy('phone', '13900000001')
    const expertUser = await User.findBy('phone', '13900000003')
    const expert = expertUser ? await Expert.query().where('user_id', expertUser.id).where('status', 'verified').first() : null
    if (!officer || !farmer) return console.log('Demo cases skipped: run the demo accounts seeder first.')

    await db.transaction(async (trx) => {
      const now = DateTime.now()
      if (!(await exists(officer, SUBMITTED_KEY))) {
        const submitted = new Consultation()
        submitted.fill({
          reporterId: officer.id,
          farmerName: '王大田',
          farmerPhone: '13900000001',
          industryCode: 'grain_oil',
          countyCode: '510129',
          text: '王大田家三亩水稻分蘖期叶片上出现很多梭形褐色病斑，中间灰白色，边缘发黄，这几天下雨后蔓延很快，该打什么药？',
          moderation: 'pass',
          triageDueAt: now.plus(TRIAGE_WINDOW_MS),
          idempotencyKey: SUBMITTED_KEY,
          createdAt: now,
        })
        await recordTransition(trx, submitted, 'submitted', { kind: 'submitted', actor: officer, actorRole: 'info_officer' })
      }

      if (!expert || (await exists(farmer, ANSWERED_KEY))) return
      const created = now.minus({ days: 1 })
      const answered = new Consultation()
      answered.fill({
        reporterId: farmer.id,
        industryCode: 'vegetable',
        countyCode: '510129',
        text: '大棚里的辣椒苗叶片发黄卷曲，叶子背面有很多白色的小飞虫，一碰就飞起来，用了吡虫啉效果不好。',
        moderation: 'pass',
        triageDueAt: created.plus(TRIAGE_WINDOW_MS),
        idempotencyKey: ANSWERED_KEY,
        createdAt: created,
      })
      await recordTransition(trx, answered, 'submitted', { kind: 'submitted', actor: farmer, actorRole: 'farmer' })
      await recordTransition(trx, answered, 'awaiting_triage', { kind: 'entered_triage', actor: farmer }, { triageLevel: 'county' })
      const assignedAt = created.plus({ minutes: 12 })
      // Through the app's own assignment, so the case takes one of the expert's places (open_cases)
      // as a real one does; only its times are then moved back to the demo's story.
      const taken = await assignTo(trx, answered, expert.id, { kind: 'assigned', reason: '县级专家，产业匹配' }, 'county')
      if (!taken) throw new Error('The demo expert cannot take the demo case (not on duty, or full).')
      answered.merge({ assignedAt, responseDueAt: assignedAt.plus(RESPONSE_WINDOW_MS) })
      await answered.save()
      const answeredAt = assignedAt.plus({ minutes: 95 })
      const say = (authorId: number, authorRole: 'reporter' | 'expert', kind: 'answer' | 'message', body: string, at: DateTime) =>
        ConsultationMessage.create({ consultationId: answered.id, authorId, authorRole, kind, body, moderation: 'pass', createdAt: at }, { client: trx })
      await say(expertUser!.id, 'expert', 'answer', '这是烟粉虱，对吡虫啉已有抗性。建议：1. 棚口和通风口挂60目防虫网；2. 每亩挂黄板30张；3. 轮换用螺虫乙酯或溴氰虫酰胺，叶背喷匀，7天一次连喷2次。', answeredAt)
      await say(farmer.id, 'reporter', 'message', '谢谢专家！黄板在镇上农资店能买到吗？', answeredAt.plus({ minutes: 30 }))
      await say(expertUser!.id, 'expert', 'message', '能买到，选粘性好的，挂在比植株高10厘米左右的位置。', answeredAt.plus({ minutes: 50 }))
      await recordTransition(trx, answered, 'answering', { kind: 'answered', actor: expertUser, actorRole: 'expert', expertId: expert.id }, {
        firstResponseAt: answeredAt,
        answeredAt,
        lastMessageAt: answeredAt.plus({ minutes: 50 }),
      })
      await indexConsultation(trx, answered)
      // recordTransition stamps events "now"; the demo's history reads as it would have happened.
      const stamps = [created, created.plus({ minutes: 3 }), assignedAt, answeredAt]
      const events = await trx.from('experts_consultation_events').where('consultation_id', answered.id).orderBy('id').select('id')
      for (const [index, event] of events.entries()) {
        await trx.from('experts_consultation_events').where('id', event.id).update({ created_at: stamps[index].toJSDate() })
      }
    })
    console.log('Demo cases: one submitted by the 信息员, one answered for the farmer (idempotent).')
  }
}

function exists(reporter: User, key: string) {
  return Consultation.query().where('reporter_id', reporter.id).where('idempotency_key', key).first()
}
