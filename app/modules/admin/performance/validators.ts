import vine from '@vinejs/vine'
import { regionCodeRule } from '#core/regions/region_rules'

export const PERFORMANCE_MESSAGES = 'admin.performance.validator'

const year = () => vine.number().withoutDecimals().range([2020, 2100])

export const figuresFilterValidator = vine.create({
  year: year().optional(),
  region: regionCodeRule().optional(),
  role: vine.enum(['expert', 'info_officer'] as const).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
})

export const computeValidator = vine.create({
  year: year(),
  region: regionCodeRule(),
})
