import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { Acting } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { todayIso } from '#core/clock'
import { RuleError } from '#core/http/rule_error'
import { RegionScope } from '#core/regions/region_scope'

/*
 * A region's participation in the platform (plan 六(二)): the province may suspend a
 * city or a county that does not carry its share (取消接入平台资格) from a day on, with a
 * reason, and restore it. While suspended, its centre staff keep reading but lose every
 * management action (a policy's check with the 'manage' intent, #core/accounts/scoped_access),
 * its new cases are triaged one level up (triageLevelFor), and its centre is passed over
 * when staff are told of a case (narrowestStaffOf). A farmer's own data is never touched
 * by any of it: nothing here filters what a person sees of their own records.
 */

export interface Suspension {
  id: number
  regionCode: string
  reason: string
  fromDay: string
  suspendedById: number
  createdAt: Date
  restoredAt: Date | null
  restoredById: number | null
  restoreReason: string | null
}

const toSuspension = (row: any): Suspension => ({
  id: Number(row.id),
  regionCode: row.region_code,
  reason: row.reason,
  fromDay: typeof row.from_day === 'string' ? row.from_day.slice(0, 10) : isoDay(row.from_day),
  suspendedById: Number(row.suspended_by_id),
  createdAt: row.created_at,
  restoredAt: row.restored_at,
  restoredById: row.restored_by_id === null ? null : Number(row.restored_by_id),
  restoreReason: row.restore_reason,
})

function isoDay(date: Date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** Open suspensions whose day has come (the partial unique index keeps them few and found at once). */
function inForceQuery(client: QueryClientContract) {
  return client.from('region_suspensions').whereNull('restored_at').where('from_day', '<=', todayIso())
}

/** Suspensions in force today (open, their day come), by region code. */
export async function suspensionsInForce(client: QueryClientContract = db.connection()): Promise<Map<string, Suspension>> {
  const rows = await inForceQuery(client)
  return new Map(rows.map((row) => [row.region_code as string, toSuspension(row)]))
}

/** The codes of the cities and counties suspended today: what a scope check needs, one small read. */
export async function suspendedRegionCodes(client: QueryClientContract = db.connection()): Promise<Set<string>> {
  const rows = await inForceQuery(client).select('region_code')
  return new Set(rows.map((row) => row.region_code as string))
}

/** The suspension that stops a county or city taking part today: its own, else its city's; null when it takes part. */
export async function suspensionOf(regionCode: string, client: QueryClientContract = db.connection()): Promise<Suspension | null> {
  const scope = RegionScope.fromRegionCode(regionCode)
  if (scope.level === 'province') return null
  const inForce = await suspensionsInForce(client)
  return inForce.get(scope.regionCode) ?? inForce.get(scope.city.regionCode) ?? null
}

/** Whether a centre of this scope may act (manage, be told of cases): the province always; a city or county unless suspended. */
export function scopeTakesPart(scope: RegionScope, inForce: { has(regionCode: string): boolean }) {
  if (scope.level === 'province') return true
  return !inForce.has(scope.regionCode) && !inForce.has(scope.city.regionCode)
}

/**
 * The suspension a person's centre works under, for the notice on its pages: null while
 * any of their scopes takes part (a province scope always does), else the one that
 * stops their first scope (its own, or its city's).
 */
export async function suspensionOfScopes(scopes: RegionScope[]): Promise<Suspension | null> {
  if (scopes.length === 0 || scopes.some((scope) => scope.level === 'province')) return null
  const inForce = await suspensionsInForce()
  if (inForce.size === 0 || scopes.some((scope) => scopeTakesPart(scope, inForce))) return null
  return inForce.get(scopes[0].regionCode) ?? inForce.get(scopes[0].city.regionCode) ?? null
}

/**
 * The level whose centre triages a new case of this county: the county's own, or one
 * up (its city, else the province) while the county or its city is suspended.
 */
export async function triageLevelFor(countyCode: string, client: QueryClientContract = db.connection()): Promise<'county' | 'city' | 'province'> {
  const inForce = await suspendedRegionCodes(client)
  if (inForce.size === 0) return 'county'
  const county = RegionScope.fromRegionCode(countyCode)
  if (scopeTakesPart(county, inForce)) return 'county'
  return scopeTakesPart(county.city, inForce) ? 'city' : 'province'
}

/** Cities and counties may be suspended; the province may not. */
function suspendable(regionCode: string) {
  return RegionScope.fromRegionCode(regionCode).level !== 'province'
}

/** Suspends a city's or county's participation from a day on (today or later), with the reason it is told. */
export async function suspendRegion({ actor, actorRole, ip }: Acting, input: { regionCode: string; reason: string; fromDay: string }) {
  if (!suspendable(input.regionCode)) throw new RuleError('regions.participation.errors.province', 'region_code')
  if (input.fromDay < todayIso()) throw new RuleError('regions.participation.errors.day_past', 'from_day')
  return db.transaction(async (trx) => {
    const open = await trx.from('region_suspensions').where('region_code', input.regionCode).whereNull('restored_at').forUpdate().first()
    if (open) throw new RuleError('regions.participation.errors.already_suspended', 'region_code')
    const [row] = await trx
      .table('region_suspensions')
      .insert({ region_code: input.regionCode, reason: input.reason, from_day: input.fromDay, suspended_by_id: actor.id, created_at: new Date() })
      .returning('*')
    await audit(trx, {
      actor,
      actorRole,
      action: 'region.suspend',
      subjectType: 'region',
      subjectId: input.regionCode,
      countyCode: input.regionCode,
      ip,
      changes: { participation: { old: 'active', new: 'suspended' }, reason: { old: null, new: input.reason }, from_day: { old: null, new: input.fromDay } },
    })
    return toSuspension(row)
  })
}

/** Restores a suspended region (its open suspension is closed, with why; the row stays as history). */
export async function restoreRegion({ actor, actorRole, ip }: Acting, suspensionId: number, reason: string) {
  return db.transaction(async (trx) => {
    const open = await trx.from('region_suspensions').where('id', suspensionId).forUpdate().first()
    if (!open || open.restored_at) throw new RuleError('regions.participation.errors.not_suspended')
    const [row] = await trx
      .from('region_suspensions')
      .where('id', suspensionId)
      .update({ restored_at: new Date(), restored_by_id: actor.id, restore_reason: reason })
      .returning('*')
    await audit(trx, {
      actor,
      actorRole,
      action: 'region.restore',
      subjectType: 'region',
      subjectId: open.region_code,
      countyCode: open.region_code,
      ip,
      changes: { participation: { old: 'suspended', new: 'active' }, reason: { old: null, new: reason } },
    })
    return toSuspension(row)
  })
}

/** A page of suspensions: the open ones (in force or from a later day) first, then the restored ones as history, newest first. */
export async function suspensionList(page = 1, perPage = 20) {
  const paginator = await db.from('region_suspensions').orderByRaw('restored_at IS NULL DESC, id DESC').paginate(page, perPage)
  return { paginator, suspensions: paginator.all().map(toSuspension) }
}

export async function findSuspension(id: number): Promise<Suspension | null> {
  const row = await db.from('region_suspensions').where('id', id).first()
  return row ? toSuspension(row) : null
}
