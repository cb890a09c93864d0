import app from '@adonisjs/core/services/app'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import type { Role } from '#core/accounts/roles'

export const DEMO_PASSWORD = 'demo123456'

/** One account per role, in the role order of DESIGN §3, over two cities and three counties. */
export const DEMO_ACCOUNTS: { phone: string; name: string; role: Role; county: string; scope: string | null }[] = [
  { phone: '13900000001', name: '王大田', role: 'farmer', county: '510129', scope: null },
  { phone: '13900000002', name: '李信息', role: 'info_officer', county: '510129', scope: null },
  { phone: '13900000003', name: '张农技', role: 'expert', county: '510104', scope: null },
  { phone: '13900000004', name: '邻水合作社', role: 'market_entity', county: '511623', scope: null },
  { phone: '13900000005', name: '赵分诊', role: 'center_staff', county: '510129', scope: '510129' },
  { phone: '13900000006', name: '钱主任', role: 'center_admin', county: '510104', scope: '5101' },
  { phone: '13900000007', name: '孙管理', role: 'platform_admin', county: '510104', scope: '51' },
]

export default class DemoAccountsSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    if (app.inProduction) throw new Error('Demo accounts are never created in production.')
    for (const account of DEMO_ACCOUNTS) {
      const user = await User.updateOrCreate(
        { phone: account.phone },
        { name: account.name, countyCode: account.county, password: DEMO_PASSWORD }
      )
      const granted = await RoleGrant.query()
        .where({ userId: user.id, role: account.role })
        .where((query) => (account.scope ? query.where('scope', account.scope) : query.whereNull('scope')))
        .first()
      if (!granted) await RoleGrant.create({ userId: user.id, role: account.role, scope: account.scope })
    }
    console.log(`\n演示账号 (demo accounts), password ${DEMO_PASSWORD}:`)
    console.table(
      DEMO_ACCOUNTS.map(({ phone, name, role, county, scope }) => ({ phone, name, role, county, scope: scope ?? '' }))
    )
  }
}
