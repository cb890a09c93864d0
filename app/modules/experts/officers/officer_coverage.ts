import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { clock, DAY, MINUTE } from '#core/clock'
import { maskPhone } from '#core/accounts/mask'
import { RegionScope } from '#core/regions/region_scope'

/*
 * 信息员 coverage (plan 五(二)3: at least 2 officers in every village): verified officers
 * and those active in the last 90 days (reported at least one case) per village of the
 * registry, rolled up per county, city and the province. Read by admin's coverage page.
 */

/** A village is covered with this many verified officers. */
export const OFFICERS_PER_VILLAGE = 2
/** Active: reported a case within this many days. */
export const ACTIVE_DAYS = 90

export interface CoverageTotals {
  villages: number
  covered: number
  verified: number
  active: number
}

export interface CoverageRow extends CoverageTotals {
  /** A city's or county's 6-digit code. */
  code: string
}

export interface VillageCoverage {
  code: string
  name: string
  townshipCode: string
  township: string
  verified: number
  active: number
}

const since = () => new Date(clock.now().getTime() - ACTIVE_DAYS * DAY)

/**
 * Per county of the region (the province, a city or one county): villages, covered,
 * officers verified and active. One read; the city roll-up is summed from it (citiesOf).
 */
export async function coverageByCounty(region: RegionScope): Promise<CoverageRow[]> {
  const { rows } = await db.rawQuery(
    `SELECT v.county_code AS code, count(*)::int AS villages,
            count(*) FILTER (WHERE coalesce(o.verified, 0) >= ?)::int AS covered,
            coalesce(sum(o.verified), 0)::int AS verified, coalesce(sum(o.active), 0)::int AS active
       FROM villages v
       LEFT JOIN (SELECT village_code, count(*) AS verified, count(*) FILTER (WHERE last_reported_at >= ?) AS active
                    FROM experts_officers WHERE status = 'verified' AND village_code LIKE ? GROUP BY village_code) o
              ON o.village_code = v.code
      WHERE v.retired_at IS NULL AND v.county_code LIKE ?
      GROUP BY 1 ORDER BY 1`,
    [OFFICERS_PER_VILLAGE, since(), `${region.prefix}%`, `${region.prefix}%`]
  )
  return rows
}

/** How long the province's per-county figures are shown before they are computed again. */
export const COVERAGE_TTL_MS = 10 * MINUTE
const KEPT = 'experts_officer_coverage'

/**
 * Per county of a province or city scope, from the province's figures as computed within
 * the last ten minutes (or computed now and kept): one small read for the pages that
 * roll up the whole province or a city. A county's own page reads live (countyCoverage).
 */
export async function keptCoverageByCounty(region: RegionScope, now = clock.now()): Promise<{ rows: CoverageRow[]; computedAt: Date }> {
  const province = RegionScope.province.regionCode
  const kept = await db.from(KEPT).where('region_code', province).where('computed_at', '>', new Date(now.getTime() - COVERAGE_TTL_MS)).first()
  let rows: CoverageRow[] = kept?.rows
  const computedAt: Date = kept ? new Date(kept.computed_at) : now
  if (!kept) {
    rows = await coverageByCounty(RegionScope.province)
    await db.table(KEPT).insert({ region_code: province, rows: JSON.stringify(rows), computed_at: now }).onConflict('region_code').merge()
  }
  return { rows: rows.filter((row) => region.contains(row.code)), computedAt }
}

/** A verification or rejection changes the counts: the kept figures go (in the deciding transaction). */
export async function forgetKeptCoverage(client: QueryClientContract) {
  await client.from(KEPT).delete()
}

/** Counties' rows summed per city (the province's roll-up), in code order. */
export function citiesOf(counties: CoverageRow[]): CoverageRow[] {
  const byCity = new Map<string, CoverageRow>()
  for (const county of counties) {
    const code = `${county.code.slice(0, 4)}00`
    const city = byCity.get(code) ?? { code, villages: 0, covered: 0, verified: 0, active: 0 }
    byCity.set(code, { code, ...totalsOf([city, county]) })
  }
  return [...byCity.values()].sort((a, b) => a.code.localeCompare(b.code))
}

/** The share of a region's villages that are covered, in whole per cent: 0 only for none, 100 only for all. */
export function coveredShare({ villages, covered }: CoverageTotals): number {
  if (covered === 0 || villages === 0) return 0
  if (covered >= villages) return 100
  return Math.min(99, Math.max(1, Math.round((covered / villages) * 100)))
}

/** A county's villages with their officers verified and active, the gaps (fewer than 2) first. */
export async function countyCoverage(countyCode: string): Promise<VillageCoverage[]> {
  const { rows } = await db.rawQuery(
    `SELECT v.code, v.name, v.township_code, t.name AS township,
            count(o.id)::int AS verified, count(o.id) FILTER (WHERE o.last_reported_at >= ?)::int AS active
       FROM villages v
       JOIN townships t ON t.code = v.township_code
       LEFT JOIN experts_officers o ON o.village_code = v.code AND o.status = 'verified'
      WHERE v.county_code = ? AND v.retired_at IS NULL
      GROUP BY v.code, t.name
      ORDER BY (count(o.id) >= ?), count(o.id), v.code`,
    [since(), countyCode, OFFICERS_PER_VILLAGE]
  )
  return rows.map((row: any) => ({ code: row.code, name: row.name, townshipCode: row.township_code, township: row.township, verified: row.verified, active: row.active }))
}

export function totalsOf(rows: CoverageTotals[]): CoverageTotals {
  return rows.reduce((sum, row) => ({ villages: sum.villages + row.villages, covered: sum.covered + row.covered, verified: sum.verified + row.verified, active: sum.active + row.active }), {
    villages: 0,
    covered: 0,
    verified: 0,
    active: 0,
  })
}

/** Per township of a county's villages. */
export function townshipTotals(villages: VillageCoverage[]) {
  const byTownship = new Map<string, CoverageTotals & { code: string; name: string }>()
  for (const village of villages) {
    const township = byTownship.get(village.townshipCode) ?? { code: village.townshipCode, name: village.township, villages: 0, covered: 0, verified: 0, active: 0 }
    township.villages++
    if (village.verified >= OFFICERS_PER_VILLAGE) township.covered++
    township.verified += village.verified
    township.active += village.active
    byTownship.set(village.townshipCode, township)
  }
  return [...byTownship.values()].sort((a, b) => a.code.localeCompare(b.code))
}

/**
 * The export's rows, a batch at a time: every current village of the region with its
 * counts and its verified officers (name and masked phone: the export leaves the office).
 */
export async function* coverageExportRows(region: RegionScope, batch = 2000): AsyncGenerator<(string | number)[][]> {
  const from = since()
  let after = ''
  for (;;) {
    const { rows } = await db.rawQuery(
      `SELECT v.code, v.name, v.county_code, t.name AS township,
              count(o.id)::int AS verified, count(o.id) FILTER (WHERE o.last_reported_at >= ?)::int AS active,
              coalesce(json_agg(json_build_object('name', u.name, 'phone', u.phone) ORDER BY o.id) FILTER (WHERE o.id IS NOT NULL), '[]') AS officers
         FROM villages v
         JOIN townships t ON t.code = v.township_code
         LEFT JOIN experts_officers o ON o.village_code = v.code AND o.status = 'verified'
         LEFT JOIN users u ON u.id = o.user_id
        WHERE v.county_code LIKE ? AND v.retired_at IS NULL AND v.code > ?
        GROUP BY v.code, t.name
        ORDER BY v.code
        LIMIT ?`,
      [from, `${region.prefix}%`, after, batch]
    )
    if (rows.length === 0) return
    yield rows.map((row: any) => [
      row.county_code,
      row.township,
      row.name,
      row.code,
      row.verified,
      row.active,
      row.officers.map((officer: { name: string | null; phone: string }) => `${officer.name ?? ''} ${maskPhone(officer.phone)}`.trim()).join('；'),
    ])
    after = rows.at(-1).code
    if (rows.length < batch) return
  }
}
