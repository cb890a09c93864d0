import vine from '@vinejs/vine'
import { knownRegionRule } from '#core/regions/region_rules'

export const coverageValidator = vine.create({
  region: knownRegionRule().optional(),
})

export const coverageExportValidator = vine.create({
  region: knownRegionRule().optional(),
  format: vine.enum(['csv', 'xlsx'] as const).optional(),
})
