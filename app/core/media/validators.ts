import vine from '@vinejs/vine'

export const mediaListValidator = vine.create({
  page: vine.number().min(1).max(10000).optional(),
})
