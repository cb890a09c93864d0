import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import User from '#core/accounts/models/user'
import TechDemand from '#modules/achievements/models/tech_demand'
import TechOffer from '#modules/achievements/models/tech_offer'
import Bounty from '#modules/achievements/models/bounty'
import InnovationPlatform from '#modules/achievements/models/innovation_platform'
import { indexListing } from '#modules/achievements/matching/listing_index'

/**
 * 成果转化 in development: 邻水合作社 (13900000004, market entity) has two technology demands
 * and two open bounties, 张农技 (13900000003, expert of 川粮油 and 川菜) two offers that match
 * them, and a handful of 双创平台 colour the map. Idempotent (by owner and title, by name).
 */
export default class extends BaseSeeder {
  async run() {
    const entity = await User.findBy('phone', '13900000004')
    const expert = await User.findBy('phone', '13900000003')
    if (!entity || !expert) return
    const inDays = (days: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days }).startOf('day')

    const demands = [
      { kind: 'technology', title: '再生稻头季机收留桩技术', description: '合作社 800 亩再生稻，头季机收碾压严重，再生季发苗差，需要机收留桩和促芽技术。', industries: ['grain_oil'], budgetMinFen: 500000, budgetMaxFen: 1500000 },
      { kind: 'service', title: '辣椒疫病防控技术指导', description: '合作社 300 亩辣椒雨后成片死苗，茎基部发黑，需要疫病综合防控和上门指导。', industries: ['vegetable'], budgetMinFen: 200000, budgetMaxFen: 600000 },
    ] as const
    for (const demand of demands) {
      const row = await TechDemand.updateOrCreate({ ownerId: entity.id, title: demand.title }, { ...demand, industries: [...demand.industries], countyCode: '511623', deadline: inDays(60), status: 'published' })
      await db.transaction((trx) => indexListing(trx, 'demands', row))
    }
    const offers = [
      { kind: 'technology', title: '再生稻高产栽培与机收留桩', description: '头季适时机收、留桩高度四十厘米和促芽肥，再生季亩产提高百公斤，已在川东南推广。', industries: ['grain_oil'], maturity: 'mature', ipStatus: 'none', patentNumber: null },
      { kind: 'technology', title: '辣椒疫病综合防治技术', description: '高畦深沟、地膜覆盖和发病初期灌根，防控辣椒疫病死苗，配套生物菌剂。', industries: ['vegetable'], maturity: 'mature', ipStatus: 'granted', patentNumber: 'ZL2019101234567' },
    ] as const
    for (const offer of offers) {
      const row = await TechOffer.updateOrCreate({ ownerId: expert.id, title: offer.title }, { ...offer, industries: [...offer.industries], countyCode: '510104', status: 'published' })
      await db.transaction((trx) => indexListing(trx, 'offers', row))
    }
    const bounties = [
      { title: '辣椒基地疫病防控上门指导三天', description: '邻水县辣椒基地需要专家上门三天，现场诊断疫病并制定防控方案。', industry: 'vegetable', awardMode: 'owner_picks', budgetMinFen: 300000, budgetMaxFen: 600000 },
      { title: '稻田草害抗药性治理方案', description: '稻田稗草、千金子对常用除草剂抗药性强，需要专家制定轮换用药方案。', industry: 'grain_oil', awardMode: 'first_qualified', budgetMinFen: 100000, budgetMaxFen: 300000 },
    ] as const
    for (const bounty of bounties) {
      const existing = await Bounty.query().where({ owner_id: entity.id, title: bounty.title }).first()
      if (existing) continue
      const row = await Bounty.create({ ...bounty, ownerId: entity.id, countyCode: '511623', deadline: inDays(30), status: 'open', held: false, feeMismatch: false })
      await db.table('achievements_bounty_events').insert({ bounty_id: row.id, actor_id: entity.id, from_status: null, to_status: 'open', note: null, created_at: new Date() })
    }
    const platforms = [
      { name: '大邑县农业星创天地', kind: 'star_space', level: 'province', countyCode: '510129', address: '大邑县安仁镇', services: '创业辅导、农产品电商孵化、技术培训', contact: '028-88200001' },
      { name: '崇州市现代农业科技园区', kind: 'science_park', level: 'national', countyCode: '510184', address: '崇州市隆兴镇', services: '优质粮油新品种示范、农机推广', contact: '028-82200002' },
      { name: '蒲江县猕猴桃众创空间', kind: 'maker_space', level: 'city', countyCode: '510131', address: '蒲江县鹤山街道', services: '猕猴桃种植技术和电商创业', contact: '028-88500003' },
      { name: '邻水县农业科技孵化器', kind: 'incubator', level: 'county', countyCode: '511623', address: '邻水县鼎屏镇', services: '返乡创业孵化、脐橙产业技术服务', contact: '0826-3200004' },
      { name: '名山区茶业星创天地', kind: 'star_space', level: 'province', countyCode: '511803', address: '雅安市名山区蒙顶山镇', services: '茶叶加工技术、品牌培育', contact: '0835-3200005' },
      { name: '安岳县柠檬科技园区', kind: 'science_park', level: 'province', countyCode: '512021', address: '安岳县岳阳镇', services: '柠檬良种繁育、采后保鲜', contact: '028-24500006' },
    ] as const
    for (const platform of platforms) await InnovationPlatform.updateOrCreate({ name: platform.name }, { ...platform })
  }
}
