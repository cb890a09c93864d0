import app from '@adonisjs/core/services/app'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import User from '#core/accounts/models/user'
import IndustryRecord from '#modules/info/models/industry_record'
import { createRecord, NO_ENTITY, submitRecord, type EntityFields, type RecordInput } from '#modules/info/records/record_actions'
import { checklistOf, reviewRecord, signOffRecord } from '#modules/info/reviews/review_actions'
import { refreshAround } from '#modules/info/shared/record_links'

type Demo = Omit<RecordInput, 'validFrom' | 'validTo' | keyof EntityFields> & Partial<EntityFields> & { publish: boolean }

/**
 * Demo 产业信息 so /info has something to show (development only), taken through the
 * app's own workflow so each has its history: written by the 大邑县 centre (赵分诊
 * 13900000005), reviewed by 钱主任 (成都, 13900000006), signed off by 孙管理 (the
 * province, 13900000007) — three people whose scopes cover 大邑县. (A province-wide
 * 宏观产业资讯 needs three people of the province level; the demo accounts have one.)
 * One stays submitted, waiting in 钱主任's review queue. Found again by title, so
 * running twice adds nothing.
 */
const DEMO: Demo[] = [
  {
    kind: 'status', category: 'local', industries: ['grain_oil'], regionCode: '510129', publish: true,
    title: '大邑县优质粮油产业发展现状', summary: '全县粮油播种面积稳定，优质稻和油菜订单种植比例逐年提高。',
    body: '大邑县常年粮食播种面积约 50 万亩，其中优质稻 20 万亩、油菜 15 万亩。\n\n近年来推广稻油轮作和机械化育插秧，主要粮油作物耕种收综合机械化率超过 85%。\n\n县内有粮油加工企业 12 家，订单种植面积占三成。',
    ipOwner: '大邑县农业农村局', source: '大邑县 2025 年农业统计资料',
  },
  {
    kind: 'leading_enterprise', category: 'local', industries: ['grain_oil', 'processing'], regionCode: '510129', publish: true,
    title: '大邑县粮油加工龙头企业名录', summary: '县级以上粮油加工龙头企业的主要产品与带动农户情况。',
    body: '名录收录县级以上农业产业化龙头企业 6 家，主要产品为大米、菜籽油和米粉。\n\n企业通过“企业 + 合作社 + 农户”方式带动农户约 1.2 万户。',
    ipOwner: '大邑县农业农村局', source: '大邑县农业产业化龙头企业监测',
    entityName: '四川大邑粮油集团有限公司', creditCode: '91510129MA62M1234H', entityCountyCode: '510129',
    entityProducts: '大米、菜籽油、米粉', entityContact: '028-88200000',
  },
  {
    kind: 'support_unit', category: 'local', industries: ['vegetable'], regionCode: '510129', publish: true,
    title: '大邑县蔬菜产业技术依托单位', summary: '为全县设施蔬菜提供品种、栽培和植保技术支撑的科研单位。',
    body: '依托单位包括成都市农林科学院蔬菜研究所和四川农业大学园艺学院。\n\n主要服务内容：新品种引进示范、设施蔬菜水肥一体化、病虫害绿色防控。',
    ipOwner: '成都市农林科学院', source: '大邑县科技特派团工作记录',
    entityName: '成都市农林科学院蔬菜研究所', creditCode: '125101004507165818', entityCountyCode: '510129',
    entityProducts: '设施蔬菜品种、栽培与植保', entityContact: '028-88300000',
  },
  {
    kind: 'trend', category: 'local', industries: ['tea'], regionCode: '510129', publish: true,
    title: '大邑县茶产业发展趋势', summary: '名优绿茶稳量提质，茶旅融合和精深加工成为新的增长点。',
    body: '全县茶园面积约 5 万亩，名优茶产值占比持续上升。\n\n发展方向：良种化、机械化采摘、精深加工和茶旅融合。',
    ipOwner: '大邑县农业农村局', source: '大邑县茶产业调研报告',
  },
  {
    kind: 'status', category: 'local', industries: ['pig'], regionCode: '510129', publish: true,
    title: '大邑县生猪产业现状', summary: '规模化养殖比重持续提高，粪污资源化利用全覆盖。',
    body: '全县年出栏生猪约 60 万头，规模养殖比重超过 70%。\n\n重点推进良种繁育、粪污资源化利用和非洲猪瘟常态化防控。',
    ipOwner: '大邑县农业农村局', source: '大邑县畜牧业统计',
  },
  {
    kind: 'trend', category: 'local', industries: ['fruit'], regionCode: '510129', publish: false,
    title: '大邑县猕猴桃产业发展趋势', summary: '品种更新与溃疡病防控是未来三年的重点。',
    body: '全县猕猴桃面积约 3 万亩，以红心品种为主。\n\n未来三年重点推进抗病品种更新、溃疡病综合防控和冷链仓储建设。',
    ipOwner: '大邑县农业农村局', source: '大邑县猕猴桃产业调研',
  },
]

export default class InfoRecordsDemoSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    if (app.inProduction) throw new Error('Demo records are never created in production.')
    const county = await User.findBy('phone', '13900000005')
    const city = await User.findBy('phone', '13900000006')
    const province = await User.findBy('phone', '13900000007')
    if (!county || !city || !province) return console.log('Demo industry records skipped: run the demo accounts seeder first.')
    const as = (actor: User) => ({ actor, ip: null })
    for (const { publish, ...input } of DEMO) {
      if (await IndustryRecord.findBy('title', input.title)) continue
      const record = await createRecord(as(county), { ...NO_ENTITY, ...input, validFrom: DateTime.fromISO('2026-01-01'), validTo: null })
      await submitRecord(as(county), record.id)
      if (!publish) continue
      await reviewRecord(as(city), record.id, checklistOf({}))
      await signOffRecord(as(province), record.id)
    }
    // 相关信息 at once, without waiting for a worker to take the queued refreshes.
    for (const record of await IndustryRecord.query().where('status', 'published').select('id')) await refreshAround(Number(record.id))
  }
}
