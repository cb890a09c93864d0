import vine from '@vinejs/vine'
import { regionCodeRule } from '#core/regions/region_rules'

/** The dashboard's periods: the last 7, 30 or 365 Beijing days up to today. */
export const DASHBOARD_PERIODS = { week: 7, month: 30, year: 365 } as const
export type DashboardPeriod = keyof typeof DASHBOARD_PERIODS

export const dashboardValidator = vine.create({
  region: regionCodeRule().optional(),
  period: vine.enum(Object.keys(DASHBOARD_PERIODS) as DashboardPeriod[]).optional(),
})
