import vine from '@vinejs/vine'

export const TITLE_MAX = 80
export const PROBLEM_MAX = 2000
export const ANSWER_MAX = 5000
export const REASON_MAX = 500
/** Search text past this adds nothing but cost: a farmer's search is a few words. */
export const QUERY_MAX = 100

/** Centre staff rewording an entry: the three public texts. */
export const editValidator = vine.create({
  title: vine.string().trim().minLength(4).maxLength(TITLE_MAX),
  problem: vine.string().trim().minLength(10).maxLength(PROBLEM_MAX),
  answer: vine.string().trim().minLength(10).maxLength(ANSWER_MAX),
})

export const withdrawValidator = vine.create({
  reason: vine.string().trim().minLength(2).maxLength(REASON_MAX),
})

export const mergeValidator = vine.create({
  into_id: vine.number().withoutDecimals().positive().max(Number.MAX_SAFE_INTEGER),
})

/** The case's photos the public may see: none ticked is a valid choice (all hidden). */
export const photosValidator = vine.create({
  photo_ids: vine.array(vine.number().withoutDecimals().positive().max(Number.MAX_SAFE_INTEGER)).maxLength(20).optional(),
})
