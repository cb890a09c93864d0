import type { HttpContext } from '@adonisjs/core/http'
import { formDone, guardForm, validateForm, type FormOptions } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import IndustryRecord from '#modules/info/models/industry_record'
import ReviewPolicy from '#modules/info/reviews/policy'
import { checklistOf, rejectRecord, reviewRecord, signOffRecord, withdrawRecord } from '#modules/info/reviews/review_actions'
import { queueOf } from '#modules/info/reviews/review_queries'
import { queueValidator, rejectionValidator, reviewValidator } from '#modules/info/reviews/validators'
import { namesFor } from '#modules/info/records/record_queries'
import { panelData } from '#modules/info/records/records_controller'

const panelForm = (id: number): FormOptions => ({ errorsTarget: `#record-${id}-errors`, messages: 'info.validator' })

/** 审核 and 签批 queues of the centre's scope, and the decisions (posted from the record's page). */
export default class ReviewsController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(ReviewPolicy).authorize('queue')
    const { step = 'review', page = 1 } = await request.validateUsing(queueValidator, { data: request.qs() })
    const records = await (await queueOf(auth.getUserOrFail(), step)).query.orderBy('id', 'asc').paginate(page, 20)
    return renderPageOrFragment(ctx, 'info/reviews/pages/index', 'info/reviews/partials/queue', { records, step, ...(await namesFor(records.all())) })
  }

  async review(ctx: HttpContext) {
    const record = await this.#authorized(ctx)
    const input = await validateForm(ctx, reviewValidator, panelForm(record.id))
    await guardForm(ctx, panelForm(record.id), () => reviewRecord(actorOf(ctx), record.id, checklistOf(input)))
    return this.#done(ctx, record, 'info.reviews.reviewed')
  }

  async signOff(ctx: HttpContext) {
    const record = await this.#authorized(ctx)
    await guardForm(ctx, panelForm(record.id), () => signOffRecord(actorOf(ctx), record.id))
    return this.#done(ctx, record, 'info.reviews.signed_off')
  }

  /** The reason is read after the decider is checked: nobody learns of a record out of their scope. */
  async reject(ctx: HttpContext) {
    const record = await this.#authorized(ctx)
    const { reason } = await validateForm(ctx, rejectionValidator, panelForm(record.id))
    await guardForm(ctx, panelForm(record.id), () => rejectRecord(actorOf(ctx), record.id, reason))
    return this.#done(ctx, record, 'info.reviews.rejected')
  }

  /** 撤回 a published record, with a reason (the author may too: it protects the public). */
  async withdraw(ctx: HttpContext) {
    const record = await this.#authorized(ctx)
    const { reason } = await validateForm(ctx, rejectionValidator, panelForm(record.id))
    await guardForm(ctx, panelForm(record.id), () => withdrawRecord(actorOf(ctx), record.id, reason))
    return this.#done(ctx, record, 'info.reviews.withdrawn')
  }

  /** 403 for people who decide nothing; 404 for a record outside the decider's scope. */
  async #authorized(ctx: HttpContext) {
    await ctx.bouncer.with(ReviewPolicy).authorize('queue')
    const record = await IndustryRecord.findOrFail(ctx.params.id)
    await ctx.bouncer.with(ReviewPolicy).authorize('decide', record)
    return record
  }

  async #done(ctx: HttpContext, record: IndustryRecord, message: string) {
    return formDone(ctx, {
      message: ctx.i18n.t(message),
      redirectTo: `/info/records/${record.id}`,
      fragment: async (status) => ctx.view.render('info/records/partials/record_panel', { ...(await panelData(ctx, await IndustryRecord.findOrFail(record.id))), status }),
    })
  }
}

const actorOf = (ctx: HttpContext) => ({ actor: ctx.auth.getUserOrFail(), ip: ctx.request.ip() })
