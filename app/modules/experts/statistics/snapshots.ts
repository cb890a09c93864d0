import db from '@adonisjs/lucid/services/db'
import { clock, MINUTE } from '#core/clock'
import { onReplica } from '#core/database/replica'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import { computeStatistics, type Statistics } from '#modules/experts/statistics/compute'
import { dateRange, type DateRange } from '#modules/experts/statistics/validators'

/** How long computed statistics are shown before they are computed again. */
export const SNAPSHOT_TTL_MS = 10 * MINUTE
const TABLE = 'experts_statistics_snapshots'

export type StatisticsSnapshot = Statistics & { computedAt: Date }

async function compute(region: RegionScope, range: DateRange, now: Date): Promise<StatisticsSnapshot> {
  // Minutes-old figures are what the page shows anyway: the replica computes them when there is one.
  const statistics = await onReplica((client) => computeStatistics(region, range, now, { client }))
  await db
    .table(TABLE)
    .insert({ region_code: region.regionCode, from_day: range.fromDay, to_day: range.toDay, data: JSON.stringify(statistics), computed_at: now })
    .onConflict(['region_code', 'from_day', 'to_day'])
    .merge()
  return { ...statistics, computedAt: now }
}

/** The statistics of a region and range as computed within the last ten minutes, or computed now. */
export async function statisticsFor(region: RegionScope, range: DateRange, now = clock.now()): Promise<StatisticsSnapshot> {
  const row = await db
    .from(TABLE)
    .where({ region_code: region.regionCode, from_day: range.fromDay, to_day: range.toDay })
    .where('computed_at', '>', new Date(now.getTime() - SNAPSHOT_TTL_MS))
    .first()
  if (row) return { ...row.data, computedAt: new Date(row.computed_at) }
  return compute(region, range, now)
}

/**
 * For the refresh job: the default view (the last 30 days) of the province, every
 * city and every county, recomputed once it is half its shelf life old, so that the
 * page everyone opens first is a single row read. Day-old snapshots are removed.
 */
export async function warmDefaultSnapshots(now = clock.now()) {
  const range = dateRange({}, { invalid: '', order: '', tooLong: '' })
  const fresh = new Set(
    (
      await db
        .from(TABLE)
        .where({ from_day: range.fromDay, to_day: range.toDay })
        .where('computed_at', '>', new Date(now.getTime() - SNAPSHOT_TTL_MS / 2))
        .select('region_code')
    ).map((row) => row.region_code)
  )
  const regions = ['510000']
  for (const { city, counties } of await regionDirectory.tree()) regions.push(city.code, ...counties.map((county) => county.code))
  let computed = 0
  for (const code of regions.filter((candidate) => !fresh.has(candidate))) {
    await compute(RegionScope.fromRegionCode(code), range, now)
    computed++
  }
  await db.from(TABLE).where('computed_at', '<', new Date(now.getTime() - 24 * 60 * MINUTE)).delete()
  return { computed }
}
