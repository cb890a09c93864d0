import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import { failedJobs, retryFailedJob } from '#core/jobs/failed_jobs'
import JobPolicy from '#core/jobs/job_policy'

const listValidator = vine.create({
  page: vine.number().min(1).max(100000).optional(),
})

/** Failed jobs for platform administrators: what failed, why, and a retry. */
export default class JobsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(JobPolicy).authorize('manage')
    const { page } = await ctx.request.validateUsing(listValidator, { data: ctx.request.qs() })
    return this.#render(ctx, page ?? 1)
  }

  async retry(ctx: HttpContext) {
    const { params, request, bouncer, auth, session, i18n, response } = ctx
    await bouncer.with(JobPolicy).authorize('manage')
    const { page } = await request.validateUsing(listValidator, { data: request.qs() })
    const retried = await retryFailedJob(params.id, auth.getUserOrFail(), request.ip())
    const text = i18n.t(retried ? 'jobs.retried' : 'jobs.not_failed')
    if (wantsFragment(ctx)) return this.#render(ctx, page ?? 1, { ok: retried, text })
    session.flash(retried ? 'success' : 'error', text)
    return response.redirect().toRoute('jobs.index', {}, { qs: page ? { page } : {} })
  }

  async #render(ctx: HttpContext, page: number, status?: { ok: boolean; text: string }) {
    const jobs = await failedJobs(page)
    const labels = Object.fromEntries(
      jobs.map((job) => {
        const key = `jobs.names.${job.name}`
        return [job.name, ctx.i18n.hasMessage(key) ? ctx.i18n.t(key) : job.name]
      })
    )
    return renderPageOrFragment(ctx, 'jobs/pages/failed', 'jobs/partials/failed_list', { jobs, labels, status })
  }
}
