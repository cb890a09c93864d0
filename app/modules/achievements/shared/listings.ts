import TechDemand from '#modules/achievements/models/tech_demand'
import TechOffer from '#modules/achievements/models/tech_offer'
import type { Side } from '#modules/achievements/shared/vocabulary'

/** A demand or an offer: what both sides share (kind, title, description, industries, county, status). */
export type Listing = TechDemand | TechOffer

/** The model of a side. Typed as TechDemand's for the columns both share. */
export const modelOf = (side: Side) => (side === 'demands' ? TechDemand : TechOffer) as typeof TechDemand

export const sideOf = (listing: Listing): Side => (listing instanceof TechDemand ? 'demands' : 'offers')
