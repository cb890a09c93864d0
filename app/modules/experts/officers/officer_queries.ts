import { findVillage, type Village } from '#core/regions/villages'
import Officer from '#modules/experts/officers/officer'

/** The person's own application (any status), or null. */
export function ownApplication(userId: number) {
  return Officer.findBy('userId', userId)
}

/** A verified officer's village (their profile and their reports show it), or null. */
export async function officerVillageOf(userId: number): Promise<Village | null> {
  const officer = await Officer.query().where('user_id', userId).where('status', 'verified').select('village_code').first()
  return officer ? findVillage(officer.villageCode) : null
}

/** The group in words: the plan's name, or the person's own for 其他. */
export function groupLabel(t: (key: string) => string, officer: Pick<Officer, 'group' | 'groupOther'>) {
  return officer.group === 'other' && officer.groupOther ? `${t('experts.officers.groups.other')}：${officer.groupOther}` : t(`experts.officers.groups.${officer.group}`)
}
