import { RuleError } from '#core/http/rule_error'

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
  | 'document_type'
  | 'document_too_large'
  | 'not_attachment'

/** An upload that is not what the field accepts; as a RuleError it fails on the form's `photos` field (or the one given) unless caught. */
export class MediaRejectedError extends RuleError {
  constructor(
    readonly reason: RejectionReason,
    field = 'photos'
  ) {
    super(`media.errors.${reason}`, field)
  }
}
