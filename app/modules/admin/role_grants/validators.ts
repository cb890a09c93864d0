import vine from '@vinejs/vine'
import { ROLES } from '#core/accounts/roles'

export const grantRoleValidator = vine.create({
  role: vine.enum(ROLES),
  scope: vine
    .string()
    .regex(/^51\d{4}$/)
    .exists({ table: 'regions', column: 'code' })
    .optional(),
})

export const userSearchValidator = vine.create({
  q: vine.string().trim().maxLength(30).optional(),
  page: vine.number().min(1).max(10000).optional(),
})
