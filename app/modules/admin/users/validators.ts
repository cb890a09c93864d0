import vine from '@vinejs/vine'

export const USER_STATUSES = ['active', 'deactivated'] as const

/** 用户管理's search: a phone prefix or part of a name, active or deactivated accounts. */
export const userFilterValidator = vine.create({
  q: vine.string().trim().maxLength(30).optional(),
  status: vine.enum(USER_STATUSES).optional(),
  page: vine.number().min(1).max(10000).optional(),
})

/** Why an account is deactivated or given back: said in the audit log. */
export const accountReasonValidator = vine.create({
  reason: vine.string().trim().minLength(2).maxLength(200),
})
