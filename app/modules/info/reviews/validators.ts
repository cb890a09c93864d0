import vine from '@vinejs/vine'
import { plainText } from '#core/http/text_rules'

/** Every item of the checklist ticked (政治导向, 涉密, 权属, 数据来源), each with an optional remark. */
export const reviewValidator = vine.create({
  politics: vine.accepted(),
  politics_remark: plainText(200).optional(),
  secrecy: vine.accepted(),
  secrecy_remark: plainText(200).optional(),
  ownership: vine.accepted(),
  ownership_remark: plainText(200).optional(),
  data_source: vine.accepted(),
  data_source_remark: plainText(200).optional(),
})

export const rejectionValidator = vine.create({
  reason: plainText(300).minLength(4),
})

export const queueValidator = vine.create({
  step: vine.enum(['review', 'sign_off'] as const).optional(),
  page: vine.number().min(1).max(10000).optional(),
})
