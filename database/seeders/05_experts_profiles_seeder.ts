import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import Expert from '#modules/experts/models/expert'
import type { ExpertLevel } from '#modules/experts/shared/consultation_states'
import { indexExpert } from '#modules/experts/profiles/profile_actions'
import { DEMO_PASSWORD } from '#database/seeders/03_core_demo_accounts_seeder'

interface DemoExpert {
  phone: string
  name: string
  /** The person's own county (the demo account's, for 13900000003). */
  home: string
  /** The county the expert serves or is based in. */
  county: string
  level: ExpertLevel
  industries: string[]
  organization: string
  title: string
  specialties: string
  bio: string
}

/**
 * Verified demo experts so that triage has candidates and 找专家 has entries: the demo
 * expert 13900000003 (who lives in 锦江区) serves 大邑县 510129, the county of the demo
 * farmer, 信息员 and centre staff; around it, county experts of other counties of 成都
 * and 广安, city-level experts of both cities and one of the province.
 */
export const DEMO_EXPERTS: DemoExpert[] = [
  {
    phone: '13900000003', name: '张农技', home: '510104', county: '510129', level: 'county', industries: ['grain_oil', 'vegetable'],
    organization: '大邑县农业农村局', title: '高级农艺师', specialties: '水稻病虫害防治、蔬菜设施栽培、测土配方施肥',
    bio: '在大邑县从事粮油和蔬菜技术推广二十年，常年驻村指导。',
  },
  {
    phone: '13900000031', name: '陈果农', home: '510131', county: '510131', level: 'county', industries: ['fruit', 'tea'],
    organization: '蒲江县农业技术推广中心', title: '农艺师', specialties: '猕猴桃溃疡病防治、柑橘整形修剪、茶园管理',
    bio: '蒲江猕猴桃和柑橘产业技术骨干。',
  },
  {
    phone: '13900000032', name: '刘川猪', home: '510184', county: '510184', level: 'county', industries: ['pig', 'cattle_sheep'],
    organization: '崇州市畜牧站', title: '畜牧师', specialties: '生猪疫病防控、母猪繁殖管理、肉牛养殖',
    bio: '长期服务崇州规模养殖场和散养户。',
  },
  {
    phone: '13900000033', name: '周粮油', home: '510104', county: '510104', level: 'city', industries: ['grain_oil', 'seed'],
    organization: '成都市农林科学院', title: '研究员', specialties: '水稻、油菜高产栽培，新品种示范推广',
    bio: '主持成都市粮油绿色高产高效示范项目。',
  },
  {
    phone: '13900000034', name: '邓柑橘', home: '511623', county: '511623', level: 'county', industries: ['fruit', 'vegetable'],
    organization: '邻水县农业农村局', title: '农艺师', specialties: '柑橘黄龙病防控、脐橙栽培、蔬菜病虫害',
    bio: '邻水脐橙产业技术服务专家。',
  },
  {
    phone: '13900000035', name: '黄养殖', home: '511602', county: '511602', level: 'city', industries: ['pig', 'fish'],
    organization: '广安市畜牧水产中心', title: '高级兽医师', specialties: '生猪和水产养殖病害诊断、稻渔综合种养',
    bio: '负责广安市生猪和渔业技术服务。',
  },
  {
    phone: '13900000036', name: '杨研究员', home: '510104', county: '510104', level: 'province', industries: ['grain_oil', 'herb', 'equipment'],
    organization: '四川省农业科学院', title: '研究员', specialties: '粮油作物栽培、中药材规范化种植、农机农艺融合',
    bio: '省级科技特派员，服务全省粮油和川药产业。',
  },
]

/** Development only; idempotent: run it again and nothing is duplicated. */
export default class ExpertsProfilesSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    if (app.inProduction) throw new Error('Demo experts are never created in production.')
    for (const demo of DEMO_EXPERTS) {
      await db.transaction(async (trx) => {
        const user = await User.updateOrCreate(
          { phone: demo.phone },
          { name: demo.name, countyCode: demo.home, password: DEMO_PASSWORD },
          { client: trx }
        )
        const granted = await RoleGrant.query({ client: trx }).where({ userId: user.id, role: 'expert' }).first()
        if (!granted) await RoleGrant.create({ userId: user.id, role: 'expert', scope: null }, { client: trx })
        const expert = await Expert.updateOrCreate(
          { userId: user.id },
          {
            organization: demo.organization,
            title: demo.title,
            level: demo.level,
            countyCode: demo.county,
            industries: demo.industries,
            specialties: demo.specialties,
            bio: demo.bio,
            status: 'verified',
            rejectionReason: null,
            reviewedAt: DateTime.now(),
          },
          { client: trx }
        )
        await indexExpert(trx, expert)
      })
    }
    console.log(`\n演示专家 (demo experts), password ${DEMO_PASSWORD}:`)
    console.table(DEMO_EXPERTS.map(({ phone, name, county, level, industries }) => ({ phone, name, county, level, industries: industries.join(',') })))
  }
}
