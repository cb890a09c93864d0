import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'

/**
 * A few townships and villages of the demo counties (统计用区划代码: county 6 + township 3 +
 * village 3), so that 信息员 can apply for a village and 信息员覆盖 has something to count
 * in development. A county's real list comes in through 村名录 → 导入 (a CSV file).
 * Idempotent: rows already there are left as they are.
 */
export const DEMO_VILLAGES: { code: string; name: string; township: string }[] = [
  // 大邑县 (510129): the demo farmer's, 信息员's and centre staff's county.
  { code: '510129001001', name: '五星社区', township: '晋原街道' },
  { code: '510129001002', name: '金星社区', township: '晋原街道' },
  { code: '510129001003', name: '子龙社区', township: '晋原街道' },
  { code: '510129102001', name: '凤凰村', township: '王泗镇' },
  { code: '510129102002', name: '白岩村', township: '王泗镇' },
  { code: '510129106001', name: '安仁社区', township: '安仁镇' },
  { code: '510129106002', name: '董场村', township: '安仁镇' },
  // 锦江区 (510104).
  { code: '510104020001', name: '锦官社区', township: '春熙路街道' },
  { code: '510104020002', name: '和平社区', township: '春熙路街道' },
  // 邻水县 (511623), the demo 市场主体's county in 广安.
  { code: '511623100001', name: '团结村', township: '鼎屏镇' },
  { code: '511623100002', name: '兴仁村', township: '鼎屏镇' },
  { code: '511623103001', name: '柑子村', township: '柑子镇' },
]

export default class VillagesSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    const now = new Date()
    for (const village of DEMO_VILLAGES) {
      const countyCode = village.code.slice(0, 6)
      await db.table('townships').insert({ code: village.code.slice(0, 9), county_code: countyCode, name: village.township }).onConflict('code').ignore()
      await db
        .table('villages')
        .insert({ code: village.code, township_code: village.code.slice(0, 9), county_code: countyCode, name: village.name, created_at: now, updated_at: now })
        .onConflict('code')
        .ignore()
    }
  }
}
