import vine from '@vinejs/vine'

/** What 找类似 and the industry suggestion read while the person types. */
export const similarQueryValidator = vine.create({
  // Long pastes are cut to TEXT_MAX by the caller rather than refused: this runs on every keystroke.
  text: vine.string().trim().maxLength(50_000).optional(),
  industry: vine.string().trim().maxLength(30).optional(),
  county_code: vine.string().trim().maxLength(6).optional(),
})

export const resolveValidator = vine.create({
  similar_document_id: vine.number().withoutDecimals().positive(),
})
