import { similar } from '#core/text/documents'
import { modelOf, type Listing } from '#modules/achievements/shared/listings'
import { otherSide, SUBJECTS, type Side } from '#modules/achievements/shared/vocabulary'
import { rankMatches, type RankedMatch } from '#modules/achievements/matching/ranking'

/** Candidates the text engine proposes, and as many again that share an industry, before ranking. */
const TEXT_CANDIDATES = 30
const INDUSTRY_CANDIDATES = 30

export interface Match extends RankedMatch {
  listing: Listing
}

/**
 * 匹配的成果/需求: the published listings of the other side best matching this one. Two
 * ways in — the text engine (similar() over the other side's documents, which already
 * prefers the industry and place) and the newest listings sharing an industry in the same
 * city — then ranking.ts decides the order and the reason line.
 */
export async function findMatches(side: Side, listing: Listing, limit = 5): Promise<Match[]> {
  const other = otherSide(side)
  const Model = modelOf(other)
  const [textHits, sameIndustry] = await Promise.all([
    similar([listing.title, listing.description].join('\n'), {
      sourceTypes: [SUBJECTS[other]],
      industry: listing.industries[0] ?? null,
      county: listing.countyCode,
      limit: TEXT_CANDIDATES,
      // Cover density (the default) is most of the cost among a listing's many candidates; ranking.ts decides anyway.
      prerank: 'frequency',
    }),
    // Two short index walks rather than one sort over every listing of the industry: the
    // newest of the industry in the same city (the county-prefix index), and the newest anywhere.
    Promise.all([
      Model.query()
        .where('status', 'published')
        .whereLike('county_code', `${listing.countyCode.slice(0, 4)}%`)
        .whereRaw('industries && ?::text[]', [listing.industries])
        .orderBy('id', 'desc')
        .limit(INDUSTRY_CANDIDATES),
      Model.query().where('status', 'published').whereRaw('industries && ?::text[]', [listing.industries]).orderBy('id', 'desc').limit(INDUSTRY_CANDIDATES),
    ]).then(([near, newest]) => [...near, ...newest.filter((row) => !near.some((close) => close.id === row.id))]),
  ])
  const textScores = new Map(textHits.map((hit) => [Number(hit.sourceId), hit.score]))
  const missing = [...textScores.keys()].filter((id) => !sameIndustry.some((row) => Number(row.id) === id))
  const rows = [...sameIndustry, ...(missing.length ? await Model.query().whereIn('id', missing).where('status', 'published') : [])]
  // Never one's own listing, nor the same one twice.
  const byId = new Map(rows.filter((row) => row.ownerId !== listing.ownerId).map((row) => [Number(row.id), row]))
  const ranked = rankMatches(
    listing,
    [...byId.values()].map((row) => ({ id: Number(row.id), industries: row.industries, countyCode: row.countyCode, kind: row.kind, textScore: textScores.get(Number(row.id)) ?? 0 }))
  )
  return ranked.slice(0, limit).map((match) => ({ ...match, listing: byId.get(match.id)! }))
}
