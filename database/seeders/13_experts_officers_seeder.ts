import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import Officer, { type OfficerGroup } from '#modules/experts/officers/officer'
import { DEMO_PASSWORD } from '#database/seeders/03_core_demo_accounts_seeder'

/**
 * 信息员 of 大邑县 for the demo (villages from 12_core_villages_seeder): the demo 信息员
 * 李信息 (13900000002) and a village doctor, verified by 赵分诊 (13900000005), serve
 * 五星社区 — which is thus covered (≥ 2) — and a teacher's application for 凤凰村 waits
 * for the county centre (管理 → 信息员审核). Idempotent (one application per person).
 */
const DEMO_OFFICERS: { phone: string; name: string; village: string; group: OfficerGroup; organization: string; statement: string; verified: boolean }[] = [
  { phone: '13900000002', name: '李信息', village: '510129001001', group: 'village_cadre', organization: '五星社区居委会', statement: '在社区做了八年文书，熟悉各家的种植情况', verified: true },
  { phone: '13900000051', name: '周村医', village: '510129001001', group: 'village_doctor', organization: '五星社区卫生室', statement: '常年走村入户，农户有事愿意找我', verified: true },
  { phone: '13900000052', name: '吴老师', village: '510129102001', group: 'teacher', organization: '王泗镇中心小学', statement: '周末回村帮父母种猕猴桃，想帮乡亲们问问专家', verified: false },
]

export default class OfficersSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    const reviewer = await User.findByOrFail('phone', '13900000005')
    for (const demo of DEMO_OFFICERS) {
      const user = await User.firstOrCreate({ phone: demo.phone }, { name: demo.name, countyCode: '510129', password: DEMO_PASSWORD })
      if (await Officer.findBy('userId', user.id)) continue
      await Officer.create({
        userId: user.id,
        countyCode: '510129',
        villageCode: demo.village,
        group: demo.group,
        groupOther: null,
        organization: demo.organization,
        statement: demo.statement,
        status: demo.verified ? 'verified' : 'pending',
        reviewedById: demo.verified ? reviewer.id : null,
        reviewedAt: demo.verified ? DateTime.now() : null,
        lastReportedAt: demo.verified ? DateTime.now().minus({ days: 3 }) : null,
      })
      if (demo.verified) await RoleGrant.firstOrCreate({ userId: user.id, role: 'info_officer', scope: null }, { userId: user.id, role: 'info_officer', scope: null })
    }
  }
}
