import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { actingAs } from '#core/accounts/acting'
import type { ScopeIntent } from '#core/accounts/scoped_access'
import { areaMessages } from '#core/http/form_messages'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { wasChosen } from '#core/media/media_service'
import OperationCenter from '#modules/admin/models/operation_center'
import type { ChecklistItemKey } from '#modules/admin/models/center_checklist_item'
import { MAX_ITEM_DOCUMENTS, MAX_ITEM_PHOTOS, removeEvidence, reviewItem, STAFF_RANGE, submitItem } from '#modules/admin/centres/centre_actions'
import { centreNames, checklistOf } from '#modules/admin/centres/centre_queries'
import CentrePolicy from '#modules/admin/centres/policy'
import { CENTRE_MESSAGES, itemValidator, reviewValidator } from '#modules/admin/centres/validators'

const PARTIAL = 'admin/centres/partials/item'

/** One 六有 item of a centre: its page (evidence, review), filling it with photos and documents, the level above's review. */
export default class ChecklistController {
  async show(ctx: HttpContext) {
    const centre = await this.#centre(ctx, 'read')
    return renderPageOrFragment(ctx, 'admin/centres/pages/item', PARTIAL, await this.#data(ctx, centre, ctx.params.item))
  }

  /** Fills the item; posted without htmx (the upload button's script, or plainly), answered with a redirect. */
  async update(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, response, session, params } = ctx
    const centre = await this.#centre(ctx, 'manage')
    await bouncer.with(CentrePolicy).authorize('fill', centre)
    const form = { errorsTarget: '#item-form-errors' }
    const input = await guardForm(ctx, form, () => request.validateUsing(itemValidator, { messagesProvider: areaMessages(i18n, CENTRE_MESSAGES) }))
    await guardForm(ctx, form, async () =>
      submitItem(await actingAs(auth.getUserOrFail(), request.ip()), centre, params.item, {
        note: input.note,
        photos: request.files('photos', { size: '15mb' }).filter(wasChosen),
        documents: request.files('documents', { size: '20mb' }).filter(wasChosen),
      })
    )
    session.flash('success', i18n.t('admin.centres.item_submitted', { item: i18n.t(`admin.centres.items.${params.item}`) }))
    return response.redirect().toRoute('admin.centres.items.show', { id: centre.id, item: params.item })
  }

  async review(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, params } = ctx
    const centre = await this.#centre(ctx, 'manage')
    await bouncer.with(CentrePolicy).authorize('review', centre)
    const form = { errorsTarget: '#review-errors' }
    const input = await guardForm(ctx, form, () => request.validateUsing(reviewValidator, { messagesProvider: areaMessages(i18n, CENTRE_MESSAGES) }))
    await guardForm(ctx, form, async () => reviewItem(await actingAs(auth.getUserOrFail(), request.ip()), centre, params.item, input.decision, input.reason ?? null))
    return formDone(ctx, {
      message: i18n.t(`admin.centres.review_done.${input.decision}`, { item: i18n.t(`admin.centres.items.${params.item}`) }),
      redirectTo: router.makeUrl('admin.centres.items.show', { id: centre.id, item: params.item }),
      fragment: async (status) => ctx.view.render(PARTIAL, { ...(await this.#data(ctx, centre, params.item)), status }),
    })
  }

  /** The centre takes a wrong file off the item (htmx: the item fragment; otherwise back to the item). */
  async removeFile(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, params } = ctx
    const centre = await this.#centre(ctx, 'manage')
    await bouncer.with(CentrePolicy).authorize('fill', centre)
    await guardForm(ctx, { errorsTarget: '#item-file-errors' }, async () =>
      removeEvidence(await actingAs(auth.getUserOrFail(), request.ip()), centre, params.item, String(params.publicId))
    )
    return formDone(ctx, {
      message: i18n.t('admin.centres.file_removed'),
      redirectTo: router.makeUrl('admin.centres.items.show', { id: centre.id, item: params.item }),
      fragment: async (status) => ctx.view.render(PARTIAL, { ...(await this.#data(ctx, centre, params.item)), status }),
    })
  }

  /** The centre, for those who may see it (404 otherwise). */
  async #centre({ bouncer, params }: HttpContext, intent: ScopeIntent) {
    await bouncer.with(CentrePolicy).authorize('enter')
    const centre = await OperationCenter.findOrFail(params.id)
    await bouncer.with(CentrePolicy).authorize('view', centre, intent)
    return centre
  }

  async #data({ bouncer, auth }: HttpContext, centre: OperationCenter, item: ChecklistItemKey) {
    const entry = (await checklistOf(centre)).find((candidate) => candidate.item === item)!
    return {
      centre,
      entry,
      names: await centreNames([centre]),
      canFill: await bouncer.with(CentrePolicy).allows('fill', centre),
      canReview: (await bouncer.with(CentrePolicy).allows('review', centre)) && entry.row?.submittedById !== Number(auth.user!.id),
      maxPhotos: MAX_ITEM_PHOTOS - entry.photos.length,
      maxDocuments: MAX_ITEM_DOCUMENTS,
      staffRange: STAFF_RANGE,
    }
  }
}
