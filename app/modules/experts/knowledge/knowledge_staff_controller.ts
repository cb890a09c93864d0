import type { HttpContext } from '@adonisjs/core/http'
import { formDone, guardForm, validateForm } from '#core/http/forms'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import KnowledgePolicy from '#modules/experts/knowledge/policy'
import { findEntry, likelyDuplicates, revisionsOf } from '#modules/experts/knowledge/knowledge_queries'
import { editEntry, mergeEntry, withdrawEntry } from '#modules/experts/knowledge/knowledge_actions'
import { editValidator, mergeValidator, photosValidator, withdrawValidator } from '#modules/experts/knowledge/validators'
import { casePhotosOf, choosePhotos, publicPhotosOf } from '#modules/experts/knowledge/entry_photos'

const MESSAGES = 'experts.knowledge.validator'

/**
 * Centre staff of the entry's scope: reword it (each version kept), choose which of the
 * case's photos the public sees, merge a duplicate into another entry, and withdraw it, merging and withdrawal behind a confirmation page. Anyone else, and any withdrawn entry, gets 404.
 */
export default class KnowledgeStaffController {
  async edit(ctx: HttpContext) {
    const entry = await this.#authorized(ctx)
    return ctx.view.render('experts/knowledge/pages/edit', { entry, revisions: await revisionsOf(entry), ...(await this.#photoChoice(entry)) })
  }

  async photos(ctx: HttpContext) {
    const entry = await this.#authorized(ctx)
    const options = { errorsTarget: '#knowledge-photos-errors', messages: MESSAGES }
    const { photo_ids: photoIds } = await validateForm(ctx, photosValidator, options)
    const changed = await guardForm(ctx, options, () => choosePhotos(ctx.auth.getUserOrFail(), entry.id, photoIds ?? []))
    return formDone(ctx, {
      message: ctx.i18n.t(changed ? 'experts.knowledge.manage.photos_saved' : 'experts.knowledge.manage.unchanged'),
      redirectTo: `/knowledge/${entry.id}/edit`,
      fragment: async (status) => ctx.view.render('experts/knowledge/partials/photos_form', { entry, status, ...(await this.#photoChoice(entry)) }),
    })
  }

  async #photoChoice(entry: KnowledgeEntry) {
    const [casePhotos, chosen] = await Promise.all([casePhotosOf(entry), publicPhotosOf(entry)])
    return { casePhotos, chosenIds: chosen.map((media) => Number(media.id)) }
  }

  async update(ctx: HttpContext) {
    const entry = await this.#authorized(ctx)
    const options = { errorsTarget: '#knowledge-edit-errors', messages: MESSAGES }
    const input = await validateForm(ctx, editValidator, options)
    const changed = await guardForm(ctx, options, () => editEntry(ctx.auth.getUserOrFail(), entry.id, input))
    return formDone(ctx, {
      message: ctx.i18n.t(changed ? 'experts.knowledge.manage.saved' : 'experts.knowledge.manage.unchanged'),
      redirectTo: `/knowledge/${entry.id}`,
      fragment: async (status) => {
        const fresh = (await findEntry(entry.id))!
        return ctx.view.render('experts/knowledge/partials/edit_form', { entry: fresh, revisions: await revisionsOf(fresh), status })
      },
    })
  }

  async confirmWithdraw(ctx: HttpContext) {
    const entry = await this.#authorized(ctx)
    return ctx.view.render('experts/knowledge/pages/withdraw', { entry })
  }

  async withdraw(ctx: HttpContext) {
    const entry = await this.#authorized(ctx)
    const options = { errorsTarget: '#knowledge-withdraw-errors', messages: MESSAGES }
    const { reason } = await validateForm(ctx, withdrawValidator, options)
    await guardForm(ctx, options, () => withdrawEntry(ctx.auth.getUserOrFail(), entry.id, reason))
    return formDone(ctx, {
      message: ctx.i18n.t('experts.knowledge.manage.withdrawn'),
      redirectTo: '/knowledge',
      fragment: async (status) => ctx.view.render('experts/knowledge/partials/withdrawn', { status }),
    })
  }

  async confirmMerge(ctx: HttpContext) {
    const entry = await this.#authorized(ctx)
    const manageable = (other: KnowledgeEntry) => ctx.bouncer.with(KnowledgePolicy).allows('manage', other)
    return ctx.view.render('experts/knowledge/pages/merge', { entry, duplicates: await likelyDuplicates(entry, manageable) })
  }

  async merge(ctx: HttpContext) {
    const entry = await this.#authorized(ctx)
    const options = { errorsTarget: '#knowledge-merge-errors', messages: MESSAGES }
    const { into_id: intoId } = await validateForm(ctx, mergeValidator, options)
    const manageable = (other: KnowledgeEntry) => ctx.bouncer.with(KnowledgePolicy).allows('manage', other)
    const into = await guardForm(ctx, options, () => mergeEntry(ctx.auth.getUserOrFail(), entry.id, intoId, manageable))
    return formDone(ctx, {
      message: ctx.i18n.t('experts.knowledge.manage.merged', { id: into.id }),
      redirectTo: `/knowledge/${into.id}`,
      fragment: async (status) => ctx.view.render('experts/knowledge/partials/merged', { status, into }),
    })
  }

  /** A withdrawn entry is gone for its staff too: the history stays in the database. */
  async #authorized({ params, bouncer }: HttpContext) {
    const entry = await KnowledgeEntry.query().where('id', Number(params.id)).where('state', 'published').firstOrFail()
    await bouncer.with(KnowledgePolicy).authorize('manage', entry)
    return entry
  }
}
