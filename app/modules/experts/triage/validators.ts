import vine from '@vinejs/vine'

/** Fields of the triage forms; their Chinese messages are under triage.validation. */
export const ANSWER_MAX = 5000
export const QUESTION_MAX = 1000
export const REASON_MAX = 200
export const MAX_ANSWER_PHOTOS = 9

export const declineValidator = vine.create({
  reason: vine.string().trim().minLength(2).maxLength(REASON_MAX),
})

export const answerValidator = vine.create({
  answer: vine.string().trim().minLength(5).maxLength(ANSWER_MAX),
})

export const questionValidator = vine.create({
  question: vine.string().trim().minLength(2).maxLength(QUESTION_MAX),
})

export const assignValidator = vine.create({
  expert_id: vine.number().withoutDecimals().positive(),
  reason: vine.string().trim().minLength(2).maxLength(REASON_MAX),
})

export const triagePageValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(10000).optional(),
})
