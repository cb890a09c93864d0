import type { HttpContext } from '@adonisjs/core/http'
import { fieldError } from '#core/http/field_error'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import Media, { type MediaVariant } from '#core/media/media'
import MediaPolicy from '#core/media/media_policy'
import { MediaRejectedError } from '#core/media/errors'
import { deleteMedia, ownMedia, storeUpload } from '#core/media/media_service'
import { sendMedia } from '#core/media/serve'
import { mediaListValidator } from '#core/media/validators'

/** "我的图片": a person's own photos and videos, and the file URLs for every module's media. */
export default class MediaController {
  async index(ctx: HttpContext) {
    const { request, auth } = ctx
    const { page } = await request.validateUsing(mediaListValidator, { data: request.qs() })
    const media = await ownMedia(auth.getUserOrFail(), page ?? 1)
    return renderPageOrFragment(ctx, 'media/pages/index', 'media/partials/list', { media })
  }

  /** Without JS: redirect with a flash. With htmx: the refreshed list, or the error swapped in beside the field. */
  async store(ctx: HttpContext) {
    const { request, response, auth, session, i18n, view } = ctx
    const user = auth.getUserOrFail()
    try {
      // Files in "我的图片" belong to no record yet: private, in the uploader's county, kept
      // on purpose (the orphan clean-up leaves them alone).
      await storeUpload(request.file('file'), { owner: user, visibility: 'private', countyCode: user.countyCode, kept: true })
    } catch (error) {
      if (!(error instanceof MediaRejectedError)) throw error
      if (wantsFragment(ctx)) response.header('HX-Retarget', '#f-file-status').header('HX-Reswap', 'innerHTML')
      throw fieldError('file', i18n.t(error.messageKey))
    }
    if (wantsFragment(ctx)) return view.render('media/partials/list', { media: await ownMedia(user, 1) })
    session.flash('success', i18n.t('media.uploaded'))
    return response.redirect().toRoute('media.index')
  }

  /** The confirmation step before a delete (works without JavaScript). */
  async confirmDestroy({ params, bouncer, view }: HttpContext) {
    const media = await Media.findByOrFail('publicId', params.publicId)
    await bouncer.with(MediaPolicy).authorize('delete', media)
    return view.render('media/pages/delete_confirm', { media })
  }

  async destroy({ params, bouncer, response, session, i18n }: HttpContext) {
    const media = await Media.findByOrFail('publicId', params.publicId)
    await bouncer.with(MediaPolicy).authorize('delete', media)
    await deleteMedia(media)
    session.flash('success', i18n.t('media.deleted'))
    return response.redirect().toRoute('media.index')
  }

  /** GET /media/:publicId/:variant — for whoever may see it; everyone else gets 404. */
  async show(ctx: HttpContext) {
    const { params, bouncer } = ctx
    const media = await Media.findByOrFail('publicId', params.publicId)
    await bouncer.with(MediaPolicy).authorize('view', media)
    const variant = params.variant as MediaVariant
    const key = media.keyOf(variant)
    if (!key) return ctx.response.notFound(await ctx.view.render('errors/not_found'))
    return sendMedia(ctx, media, variant, key)
  }
}
