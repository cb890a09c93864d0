import db from '@adonisjs/lucid/services/db'
import { clock, today } from '#core/clock'
import Media from '#core/media/media'
import { holdersAt } from '#core/accounts/role_grants'
import { maskPhone } from '#core/accounts/mask'
import regionDirectory from '#core/regions/region_directory'
import { findVillage } from '#core/regions/villages'
import { RegionScope } from '#core/regions/region_scope'
import { statisticsFor } from '#modules/experts/public'
import OperationCenter, { type CenterLevel } from '#modules/admin/models/operation_center'
import CenterChecklistItem, { CHECKLIST_ITEMS, type ChecklistItemKey } from '#modules/admin/models/center_checklist_item'
import { CENTER_ITEM_SUBJECT, CENTRE_STAFF_ROLES } from '#modules/admin/centres/centre_actions'

export const CENTRES_PER_PAGE = 20

/** Centres of the viewer's scopes (and beneath them), province first, then by region; with their approved item count. */
export function listCentres(scopes: RegionScope[], filters: { level?: CenterLevel; page?: number }) {
  const query = OperationCenter.query()
    .select('admin_operation_centers.*')
    .select(
      db.raw("(SELECT count(*) FROM admin_center_checklist_items i WHERE i.center_id = admin_operation_centers.id AND i.status = 'approved')::int AS approved")
    )
    .orderBy('region_code')
    .orderByRaw("CASE level WHEN 'village' THEN 1 ELSE 0 END")
    .orderBy('id')
  RegionScope.constrain(query, scopes, 'region_code')
  if (filters.level) query.where('level', filters.level)
  return query.paginate(filters.page ?? 1, CENTRES_PER_PAGE)
}

/** "成都市 锦江区" for each centre's region, and the village's name for stations. */
export async function centreNames(centres: OperationCenter[]) {
  const regions = await regionDirectory.fullNames(centres.map((centre) => centre.regionCode))
  const villages: Record<string, string> = {}
  for (const centre of centres) {
    if (centre.villageCode) villages[centre.villageCode] = (await findVillage(centre.villageCode))?.name ?? centre.villageCode
  }
  return { regions, villages }
}

export interface ChecklistEntry {
  item: ChecklistItemKey
  row: CenterChecklistItem | null
  photos: Media[]
  documents: Media[]
}

/** The six items in the plan's order, each as filled (or not yet), with its evidence. */
export async function checklistOf(centre: OperationCenter): Promise<ChecklistEntry[]> {
  const rows = await CenterChecklistItem.query().where('center_id', centre.id)
  const media = rows.length
    ? await Media.query()
        .where('subject_type', CENTER_ITEM_SUBJECT)
        .whereIn('subject_id', rows.map((row) => row.id))
        .orderBy('id')
    : []
  return CHECKLIST_ITEMS.map((item) => {
    const row = rows.find((candidate) => candidate.item === item) ?? null
    const files = row ? media.filter((file) => file.subjectId === row.id) : []
    return { item, row, photos: files.filter((file) => file.kind === 'photo'), documents: files.filter((file) => file.kind !== 'photo') }
  })
}

/** How many of the six are approved, and whether the whole checklist is. */
export function checklistSummary(entries: ChecklistEntry[]) {
  const approved = entries.filter((entry) => entry.row?.status === 'approved').length
  return { approved, total: entries.length, complete: approved === entries.length }
}

/** The centre's people: the role grants of its scope (a village station has none of its own). */
export async function staffOfCentre(centre: OperationCenter) {
  if (centre.level === 'village') return []
  const people = await holdersAt(centre.scope, CENTRE_STAFF_ROLES)
  return people.map((person) => ({ ...person, phone: maskPhone(person.phone) }))
}

/** The last 30 Beijing days up to today, as the expert service's statistics take a range. */
export function last30Days() {
  const last = today()
  const first = last.minus({ days: 29 })
  return { from: first.toJSDate(), to: last.plus({ days: 1 }).toJSDate(), fromDay: first.toFormat('yyyy-MM-dd'), toDay: last.toFormat('yyyy-MM-dd') }
}

/** The centre's service over the last 30 days (the expert service's rollups for its region); none for a village station. */
export async function figuresOfCentre(centre: OperationCenter) {
  if (centre.level === 'village') return null
  const range = last30Days()
  const statistics = await statisticsFor(centre.scope, range, clock.now())
  return { range, overall: statistics.overall }
}
