/**
 * The words of 成果转化 (DESIGN §9), as stored codes; their Chinese names are in
 * resources/lang/<locale>/achievements.json under the same code.
 */

/** What is needed or supplied: a new variety, a technology, equipment, a patent, a service. */
export const LISTING_KINDS = ['variety', 'technology', 'equipment', 'patent', 'service'] as const
export type ListingKind = (typeof LISTING_KINDS)[number]

/** How far an offer is along: in research, piloted, proven in the field. */
export const MATURITIES = ['research', 'pilot', 'mature'] as const
export type Maturity = (typeof MATURITIES)[number]

/** An offer's intellectual property: none, a patent applied for, a patent granted. */
export const IP_STATUSES = ['none', 'applied', 'granted'] as const
export type IpStatus = (typeof IP_STATUSES)[number]

/** published: public; held: waiting for the centre's review (the owner alone sees it); withdrawn: taken down by the owner. */
export const LISTING_STATUSES = ['published', 'held', 'withdrawn'] as const
export type ListingStatus = (typeof LISTING_STATUSES)[number]

/** The two sides of the market, as they appear in URLs and route names. */
export const SIDES = ['demands', 'offers'] as const
export type Side = (typeof SIDES)[number]

export const otherSide = (side: Side): Side => (side === 'demands' ? 'offers' : 'demands')

/**
 * A Chinese patent number as the form takes it: ZL and the application number, 12 digits
 * (2004 onwards: year, type, serial) or 13 with the check digit (ZL201510123456.7 → ZL2015101234567).
 */
export const PATENT_NUMBER = /^ZL\d{12,13}$/

/** "ZL 2015 1012 3456.7", "zl201510123456.7" → "ZL2015101234567": spaces and the dot before the check digit dropped, upper case. */
export function normalisePatentNumber(value: string): string {
  return value.replace(/[\s.]/g, '').toUpperCase()
}

/** Subject types of demands and offers: moderation, audit, and their text_documents source types. */
export const SUBJECTS = { demands: 'achievements.demand', offers: 'achievements.offer' } as const satisfies Record<Side, string>

/** Subject type of a lecture: its media, audit entries and its text_documents source type (the lecture search). */
export const LECTURE_SUBJECT = 'achievements.lecture'
