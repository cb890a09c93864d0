import vine from '@vinejs/vine'
import { knownRegionRule } from '#core/regions/region_rules'
import { ROLES } from '#core/accounts/roles'

export const grantRoleValidator = vine.create({
  role: vine.enum(ROLES),
  scope: knownRegionRule().optional(),
})

export const userSearchValidator = vine.create({
  q: vine.string().trim().maxLength(30).optional(),
  page: vine.number().min(1).max(10000).optional(),
})
