import type { HttpContext } from '@adonisjs/core/http'
import Media, { type MediaVariant } from '#core/media/media'
import { sendMedia } from '#core/media/serve'
import type Consultation from '#modules/experts/models/consultation'

/**
 * The files of a case (its photos and its messages') for the holder of an SMS link,
 * who is not signed in, so the media service cannot decide: the link has been
 * verified for `consultation` by the caller, and only that case's files are served.
 * Anything else is a 404.
 */
export async function sendCaseMedia(ctx: HttpContext, consultation: Consultation | null) {
  const media = consultation
    ? await Media.query()
        .join('experts_consultation_media as attached', 'attached.media_id', 'media.id')
        .where('attached.consultation_id', consultation.id)
        .where('media.public_id', ctx.params.publicId)
        .select('media.*')
        .first()
    : null
  const variant = ctx.params.variant as MediaVariant
  const key = media?.keyOf(variant)
  if (!media || !key) return ctx.response.notFound(await ctx.view.render('errors/not_found'))
  return sendMedia(ctx, media, variant, key)
}
