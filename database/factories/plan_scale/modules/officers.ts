import { CopyWriter } from '#database/factories/plan_scale/copy'
import type { ModuleGenerationContext } from '#database/factories/plan_scale/module_generators'
import type { Random } from '#database/factories/plan_scale/random'
import { villageName } from '#database/factories/plan_scale/vocabulary'
import { OFFICER_GROUPS } from '#modules/experts/officers/officer'

/**
 * 信息员队伍 at plan scale (issue 21, Performance): core's village registry for the 183
 * counties — about 3 100 townships and 26 000 villages, as Sichuan has since its 2020
 * merger of villages (统计用区划代码: county + township 1xx + village 2xx) — and an
 * application for every generated 信息员 (60 000: the users phase made them) for a
 * village of their county: most verified, some pending or rejected. An officer who
 * reported cases was last active at their newest case. Villages get officers unevenly
 * (as counties got cases), so the coverage pages have gaps to list.
 */
const TOWNSHIPS_PER_COUNTY: [number, number] = [10, 24]
const VILLAGES_PER_TOWNSHIP: [number, number] = [4, 13]
const TOWN_SUFFIXES = ['镇', '镇', '镇', '乡', '街道']
const ORGANIZATIONS = ['村委会', '村卫生室', '村小学', '种养殖专业合作社', '家庭农场', '乡镇农业服务中心']
const STATEMENTS = ['熟悉本村的种植养殖情况，愿意帮乡亲们报需求', '在村里多年，农户有事常来找我', '返乡创业，想把专家的办法带回村里', '退伍回村，愿意为大家跑腿']

export async function generate({ connect, random, counties, until, log }: ModuleGenerationContext): Promise<number> {
  const client = await connect()
  // FK triggers are off on this connection: other tables' village codes stay valid (the same seed makes the same codes).
  await client.query('DELETE FROM experts_officers')
  await client.query('DELETE FROM village_imports')
  await client.query('DELETE FROM villages')
  await client.query('DELETE FROM townships')

  const [townshipClient, villageClient, officerClient] = [await connect(), await connect(), await connect()]
  const townships = new CopyWriter(townshipClient, 'townships', ['code', 'county_code', 'name'])
  const villages = new CopyWriter(villageClient, 'villages', ['code', 'township_code', 'county_code', 'name', 'created_at', 'updated_at'])
  const villagesOf = new Map<string, string[]>()
  const created = new Date(until.getTime() - 3 * 365 * 86_400_000)
  for (const county of counties) {
    const codes: string[] = []
    const townshipCount = random.int(...TOWNSHIPS_PER_COUNTY)
    for (let t = 0; t < townshipCount; t++) {
      const township = `${county.code}${100 + t}`
      townships.add([township, county.code, townName(random)])
      const villageCount = random.int(...VILLAGES_PER_TOWNSHIP)
      for (let v = 0; v < villageCount; v++) {
        const code = `${township}${200 + v}`
        villages.add([code, township, county.code, villageName(random), created, created])
        codes.push(code)
      }
      await townships.drain()
      await villages.drain()
    }
    villagesOf.set(county.code, codes)
  }
  await townships.end()
  await villages.end()
  log(`  ${townships.rows} townships, ${villages.rows} villages`)

  const people = await client.query(
    `SELECT u.id, u.county_code, u.created_at, r.last_reported_at
       FROM users u
       JOIN role_grants g ON g.user_id = u.id AND g.role = 'info_officer'
       LEFT JOIN (SELECT reporter_id, max(created_at) AS last_reported_at FROM experts_consultations GROUP BY reporter_id) r ON r.reporter_id = u.id
      ORDER BY u.id`
  )
  const officers = new CopyWriter(officerClient, 'experts_officers', [
    'user_id', 'county_code', 'village_code', '"group"', 'group_other', 'organization', 'statement', 'status', 'rejection_reason',
    'reviewed_by_id', 'reviewed_at', 'last_reported_at', 'created_at', 'updated_at',
  ])
  for (const person of people.rows) {
    const codes = villagesOf.get(person.county_code)
    if (!codes?.length) continue
    const village = random.pick(codes)
    const status = random.chance(0.85) ? 'verified' : random.chance(0.65) ? 'pending' : 'rejected'
    const group = random.pick(OFFICER_GROUPS)
    const applied = new Date(person.created_at)
    const reviewed = status === 'pending' ? null : new Date(applied.getTime() + random.int(1, 5) * 86_400_000)
    officers.add([
      person.id, person.county_code, village, group, group === 'other' ? '农资店店主' : null, `${villageName(random)}${random.pick(ORGANIZATIONS)}`,
      random.pick(STATEMENTS), status, status === 'rejected' ? '所填村不是申请人常住的村' : null, null, reviewed,
      status === 'verified' ? person.last_reported_at : null, applied, reviewed ?? applied,
    ])
    await officers.drain()
  }
  await officers.end()
  log(`  ${officers.rows} 信息员 applications`)
  // A synchronous commit flushes the asynchronous ones before it: nothing is lost if the database stops right after.
  await client.query('SET synchronous_commit = on')
  await client.query('ANALYZE townships, villages, experts_officers')
  return townships.rows + villages.rows + officers.rows
}

function townName(random: Random) {
  return villageName(random).replace(/村$/, random.pick(TOWN_SUFFIXES))
}
