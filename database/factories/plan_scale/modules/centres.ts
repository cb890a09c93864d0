import { DateTime } from 'luxon'
import { BEIJING } from '#core/clock'
import type { ModuleGenerationContext } from '#database/factories/plan_scale/module_generators'
import { CHECKLIST_ITEMS } from '#modules/admin/models/center_checklist_item'
import { scoreOf } from '#modules/admin/evaluations/evaluation_score'

/**
 * 运管中心 at plan scale (issue 18 §1, §3): the province's, the 21 cities' and the 183
 * counties' centres (the plan's 200), their 六有 checklists in every state (filled by a staff
 * member of the centre's scope, reviewed by one of the scope above), twelve months of
 * county-centre scores ranked per city, and a 通报 per city for last month. Evidence media
 * are left out (the bench reads pages, not files); the scores are drawn, not computed
 * (计算评分 on the ranking page computes a period from the rollups).
 */
export async function generate({ connect, random, counties, until, log }: ModuleGenerationContext): Promise<number> {
  const client = await connect()
  await client.query('TRUNCATE admin_notices, admin_center_scores, admin_evaluation_targets, admin_center_checklist_items, admin_operation_centers RESTART IDENTITY CASCADE')
  const staff = await client.query(
    `SELECT DISTINCT ON (scope) scope, user_id FROM role_grants WHERE role IN ('center_staff', 'center_admin') AND scope IS NOT NULL ORDER BY scope, user_id`
  )
  const staffOf = new Map<string, number>(staff.rows.map((row) => [row.scope, Number(row.user_id)]))
  const cities = [...new Map(counties.map((county) => [county.city, county.cityName])).entries()]
  // Each centre with its own scope (whose staff fill its checklist) and the scope above (whose staff review it).
  const regions: { code: string; level: string; name: string; scope: string; reviewer: string }[] = [
    { code: '510000', level: 'province', name: '四川省运管中心', scope: '51', reviewer: '51' },
    ...cities.map(([city, name]) => ({ code: `${city}00`, level: 'city', name: `${name}运管中心`, scope: city, reviewer: '51' })),
    ...counties.map((county) => ({ code: county.code, level: 'county', name: `${county.name}运管中心`, scope: county.code, reviewer: county.city })),
  ]
  const now = DateTime.fromJSDate(until).setZone(BEIJING)
  const centres = new Map<string, number>()
  let rows = 0
  for (const region of regions) {
    const { rows: inserted } = await client.query(
      'INSERT INTO admin_operation_centers (level, region_code, name, address, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id',
      [region.level, region.code, region.name, `人民路 ${random.int(1, 300)} 号`, now.minus({ days: random.int(200, 900) }).toJSDate()]
    )
    centres.set(region.code, Number(inserted[0].id))
    rows++
    const filler = staffOf.get(region.scope)
    const reviewer = staffOf.get(region.reviewer) ?? null
    if (!filler) continue
    for (const item of CHECKLIST_ITEMS) {
      if (random.chance(0.15)) continue
      const status = random.chance(0.7) ? 'approved' : random.chance(0.5) ? 'submitted' : 'returned'
      const submittedAt = now.minus({ days: random.int(5, 300) })
      const reviewed = status !== 'submitted'
      await client.query(
        `INSERT INTO admin_center_checklist_items (center_id, item, status, note, return_reason, submitted_by_id, submitted_at, reviewed_by_id, reviewed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          centres.get(region.code),
          item,
          status,
          '按要求落实，材料见附件。',
          status === 'returned' ? '材料不全，请补充照片。' : null,
          filler,
          submittedAt.toJSDate(),
          reviewed ? reviewer : null,
          reviewed ? submittedAt.plus({ days: random.int(1, 10) }).toJSDate() : null,
        ]
      )
      rows++
    }
  }
  for (const county of counties) {
    for (let back = 1; back <= 12; back++) {
      const figures = { valid: random.int(0, 60), target: 20, triageRate: 0.6 + random.next() * 0.4, followupRate: 0.5 + random.next() * 0.5, averageRating: 3 + random.next() * 2 }
      await client.query(
        `INSERT INTO admin_center_scores (center_id, city_code, period, cases, valid, target, triage_rate, followup_rate, average_rating, score, computed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          centres.get(county.code),
          `${county.city}00`,
          now.minus({ months: back }).toFormat('yyyy-MM'),
          figures.valid + random.int(0, 30),
          figures.valid,
          figures.target,
          figures.triageRate,
          figures.followupRate,
          figures.averageRating,
          scoreOf(figures),
          now.toJSDate(),
        ]
      )
      rows++
    }
  }
  const period = now.minus({ months: 1 }).toFormat('yyyy-MM')
  for (const [city, name] of cities) {
    const honourees = { centres: [{ name: `${name}运管中心`, region: name, score: 90 }], experts: [], officers: [] }
    await client.query(
      'INSERT INTO admin_notices (region_code, period, title, body, honourees, published_by_id, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [`${city}00`, period, `${name}${period}运管中心考核通报`, '本期各区县运管中心按时分诊、按时回访，予以通报表扬。', JSON.stringify(honourees), staffOf.get(city) ?? null, now.toJSDate()]
    )
    rows++
  }
  log(`centres: ${regions.length} centres with their 六有 checklists, ${counties.length * 12} monthly scores, ${cities.length} notices`)
  return rows
}
