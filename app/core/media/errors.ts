/**
 * Why an upload was refused. Controllers show `i18n.t(error.messageKey)` next to the
 * file field (see `fieldError`).
 */
export type RejectionReason =
  | 'missing'
  | 'not_media'
  | 'photo_type'
  | 'photo_too_large'
  | 'photo_too_many_pixels'
  | 'video_type'
  | 'video_too_large'

export class MediaRejectedError extends Error {
  constructor(readonly reason: RejectionReason) {
    super(`Upload rejected: ${reason}`)
  }

  get messageKey() {
    return `media.errors.${this.reason}`
  }
}
