import type { Role } from '#core/accounts/roles'

/** 回访: the centre's staff and administrators phone the reporters of their scope. */
export const FOLLOWUP_ROLES: readonly Role[] = ['center_staff', 'center_admin']
/** Statistics and exports of expert-service records, each within the person's scope. */
export const STATISTICS_ROLES: readonly Role[] = ['center_staff', 'center_admin', 'platform_admin']
/**
 * Who sees reporters' phone numbers in full in an export: administrators answer for
 * the data of their region; staff exports are masked (the export page says so).
 */
export const PHONE_ROLES: readonly Role[] = ['center_admin', 'platform_admin']
