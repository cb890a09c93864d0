import vine from '@vinejs/vine'
import { phoneRule } from '#core/accounts/validators'
import { countyRule } from '#core/regions/region_rules'

const TEXT_MIN = 10
export const TEXT_MAX = 2000
const MESSAGE_MAX = 1000
export const MAX_PHOTOS = 9
/** Media are named in forms by their opaque public id (app/core/media). */
const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/

/** The 报需求 form. `officer`: an 信息员 reports for a farmer, whose name and mobile are then required. */
export const consultationValidator = vine.withMetaData<{ officer: boolean }>().create({
  text: vine.string().trim().minLength(TEXT_MIN).maxLength(TEXT_MAX),
  // Optional: left empty, the server takes the industry suggested from the text.
  industry: vine
    .string()
    .trim()
    .exists({ table: 'industries', column: 'code' })
    .optional(),
  county_code: countyRule(),
  farmer_name: vine
    .string()
    .trim()
    .maxLength(30)
    .regex(/^[\p{Script=Han}A-Za-z·• ]+$/u)
    .optional()
    .requiredWhen((field) => field.meta.officer === true),
  farmer_phone: phoneRule()
    .optional()
    .requiredWhen((field) => field.meta.officer === true),
  expert: vine.number().withoutDecimals().positive().optional(),
  idempotency_key: vine.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  // Photos and the video stored by an earlier, failed submit of this form.
  kept_media: vine.array(vine.string().regex(PUBLIC_ID)).maxLength(MAX_PHOTOS + 1).optional(),
  // 农技知识库: an unticked checkbox sends nothing, so absent means no.
  knowledge_consent: vine.boolean().optional(),
})

export const messageValidator = vine.create({
  body: vine.string().trim().minLength(1).maxLength(MESSAGE_MAX),
})

export const listValidator = vine.create({
  page: vine.number().min(1).max(10000).optional(),
})

export const newFormValidator = vine.create({
  expert: vine.number().withoutDecimals().positive().optional(),
})

/** Session key holding what the form held when 先看看类似案例 was pressed without JavaScript. */
export const SIMILAR_DRAFT_KEY = 'consultation_similar_draft'
/** The fields of that draft (files cannot come back; the page says so). */
export const SIMILAR_DRAFT_FIELDS = ['text', 'industry', 'county_code', 'farmer_name', 'farmer_phone', 'expert', 'idempotency_key', 'knowledge_consent'] as const
