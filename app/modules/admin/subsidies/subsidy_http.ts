import type { HttpContext } from '@adonisjs/core/http'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { today } from '#core/clock'
import { areaMessages } from '#core/http/form_messages'
import { RegionScope } from '#core/regions/region_scope'
import { widestScope } from '#modules/admin/shared/viewer_region'
import SubsidyPolicy from '#modules/admin/subsidies/policy'
import { listFilterValidator, SUBSIDY_MESSAGES } from '#modules/admin/subsidies/validators'

/** The year, region (the viewer's widest scope unless one beneath it is asked for, else 404) and page of a list page's query string. */
export async function listFilters(ctx: HttpContext) {
  const input = await listFilterValidator.validate(ctx.request.qs(), { messagesProvider: areaMessages(ctx.i18n, SUBSIDY_MESSAGES) })
  const scopes = await ctx.auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
  const region = input.region ? RegionScope.fromRegionCode(input.region) : widestScope(scopes)
  await ctx.bouncer.with(SubsidyPolicy).authorize('viewRegion', region)
  return { year: input.year ?? today().year, region, page: input.page ?? 1, scopes }
}

export const messages = (ctx: HttpContext) => ({ messagesProvider: areaMessages(ctx.i18n, SUBSIDY_MESSAGES) })
