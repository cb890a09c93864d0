import type { HttpContext } from '@adonisjs/core/http'
import { fenToYuan } from '#core/money'
import { areaMessages } from '#core/http/form_messages'
import { industriesOf } from '#core/industries/industry_rules'
import { deadlineOf } from '#modules/achievements/listings/listing_rules'
import type { DemandInput, ListingInput } from '#modules/achievements/listings/listing_actions'
import { formOptions } from '#modules/achievements/listings/listing_queries'
import { demandValidator, LISTING_MESSAGES, offerValidator } from '#modules/achievements/listings/validators'
import type { Listing } from '#modules/achievements/shared/listings'
import { IP_STATUSES, LISTING_KINDS, MATURITIES, type Side } from '#modules/achievements/shared/vocabulary'
import type TechDemand from '#modules/achievements/models/tech_demand'
import type TechOffer from '#modules/achievements/models/tech_offer'

/*
 * The listing form (发布/修改技术需求 and 成果): its fields as the actions take them, and what
 * the form page needs to show them. The centre's draft demands use the same form.
 */

/** What both sides' forms send for the fields they share. */
interface CommonFields {
  kind: ListingInput['kind']
  title: string
  description: string
  industry: string
  other_industries?: string[]
  county_code: string
}

const commonInput = (input: CommonFields) => ({
  kind: input.kind,
  title: input.title,
  description: input.description,
  industries: industriesOf(input.industry, input.other_industries),
  countyCode: input.county_code,
})

/** The form's fields as the actions take them. */
export async function listingInput(ctx: HttpContext, side: 'demands'): Promise<DemandInput>
export async function listingInput(ctx: HttpContext, side: Side): Promise<ListingInput>
export async function listingInput(ctx: HttpContext, side: Side): Promise<ListingInput> {
  const messagesProvider = areaMessages(ctx.i18n, LISTING_MESSAGES)
  if (side === 'demands') {
    const input = await ctx.request.validateUsing(demandValidator, { messagesProvider })
    return { ...commonInput(input), budgetMinFen: input.budget_min ?? null, budgetMaxFen: input.budget_max ?? null, deadline: deadlineOf(input.deadline) }
  }
  const input = await ctx.request.validateUsing(offerValidator, { messagesProvider })
  return { ...commonInput(input), maturity: input.maturity, ipStatus: input.ip_status, patentNumber: input.ip_status === 'none' ? null : (input.patent_number ?? null) }
}

/** The form filled in with a listing (editing), as old() reads it when nothing was flashed. */
export function formValues(side: Side, listing: Listing | null) {
  if (!listing) return {}
  const values: Record<string, unknown> = {
    kind: listing.kind,
    title: listing.title,
    description: listing.description,
    industry: listing.industries[0],
    other_industries: listing.industries.slice(1),
    county_code: listing.countyCode,
  }
  if (side === 'demands') {
    const demand = listing as TechDemand
    Object.assign(values, {
      budget_min: demand.budgetMinFen === null ? '' : fenToYuan(demand.budgetMinFen),
      budget_max: demand.budgetMaxFen === null ? '' : fenToYuan(demand.budgetMaxFen),
      deadline: demand.deadline?.toISODate() ?? '',
    })
  } else {
    const offer = listing as TechOffer
    Object.assign(values, { maturity: offer.maturity, ip_status: offer.ipStatus, patent_number: offer.patentNumber ?? '' })
  }
  return values
}

/** What the form page shows beside the values: the side, the choices, the region tree and industries. */
export async function listingFormData(side: Side, values: Record<string, unknown>) {
  return { side, values, kinds: LISTING_KINDS, maturities: MATURITIES, ipStatuses: IP_STATUSES, ...(await formOptions()) }
}
