import vine from '@vinejs/vine'
import { knownRegionRule } from '#core/regions/region_rules'
import { moderatedModuleLabels, WORD_ACTIONS, WORD_CATEGORIES } from '#core/moderation/vocabulary'

/** Modules register at boot, after this file may have loaded: the choices are read per validation. */
const moderatedModuleNames = () => Object.keys(moderatedModuleLabels())

const page = () => vine.number().min(1).max(100000).optional()

export const wordFilterValidator = vine.create({
  category: vine.enum(WORD_CATEGORIES).optional(),
  page: page(),
})

export const addWordValidator = vine.create({
  word: vine.string().trim().maxLength(50),
  category: vine.enum(WORD_CATEGORIES),
  action: vine.enum(WORD_ACTIONS),
})

/** The check form takes what a real post could be; longer is cut by the module's own limits anyway. */
export const checkTextValidator = vine.create({
  text: vine.string().maxLength(20000),
})

export const listPageValidator = vine.create({
  page: page(),
})

/** A reason is what the audit log keeps of a trip or reset: spaces alone are not one. */
const reason = () => vine.string().trim().minLength(1).maxLength(200)

export const tripBreakerValidator = vine.create({
  module: vine.enum(moderatedModuleNames),
  scope: knownRegionRule(),
  reason: reason(),
})

export const resetBreakerValidator = vine.create({
  reason: reason(),
})

export const reviewFilterValidator = vine.create({
  module: vine.enum(moderatedModuleNames).optional(),
  page: page(),
})

export const decideReviewValidator = vine.create({
  decision: vine.enum(['approved', 'rejected'] as const),
  reason: vine.string().trim().maxLength(200).optional(),
})
