import vine from '@vinejs/vine'
import { countyRule } from '#core/regions/region_rules'

/** A county's village list: a CSV (an Excel workbook is refused with how to save it as CSV). */
export const villageImportValidator = vine.create({
  county_code: countyRule(),
  file: vine.file({ size: '10mb', extnames: ['csv', 'txt', 'xlsx', 'xls'] }),
})

export const villageListValidator = vine.create({
  county: vine.string().trim().regex(/^51\d{4}$/).optional(),
})

export const VILLAGE_MESSAGES = 'admin.villages.validator'
