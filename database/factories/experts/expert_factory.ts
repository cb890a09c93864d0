import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import type User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import { today } from '#core/clock'
import Expert from '#modules/experts/models/expert'
import { indexExpert } from '#modules/experts/profiles/profile_actions'
import { RoleGrantFactory, UserFactory } from '#database/factories/core/user_factory'

/**
 * 科技特派员: an expert profile with its person. Verified by default, and then as the
 * centre's verification leaves it — the person holds the 'expert' role, the profile
 * has its reviewed time and is in 找专家's index; pending and rejected profiles are
 * neither. A county expert of 川粮油 in 锦江区, on duty, no open case, room for ten.
 *
 * The person comes with `with('user')` (or `merge({ userId })`):
 *
 *   ExpertFactory.with('user', 1, (user) => user.merge({ name: '王专家' })).apply('city').create()
 *   ExpertFactory.with('user', 1, (user) => user.apply('farmer')).apply('pending').merge({ countyCode: '510129' }).create()
 */
export const ExpertFactory = factory
  .define(Expert, () => ({
    organization: '县农业农村局',
    title: '高级农艺师',
    level: 'county' as const,
    countyCode: '510104',
    industries: ['grain_oil'],
    specialties: '水稻病虫害防治',
    bio: '',
    status: 'verified' as const,
    onDuty: true,
    awayUntil: null,
    maxOpenCases: 10,
    openCases: 0,
    lastAssignedAt: null,
  }))
  .relation('user', () => UserFactory)
  .state('verified', (expert) => {
    expert.merge({ status: 'verified', rejectionReason: null })
  })
  .state('pending', (expert) => {
    expert.merge({ status: 'pending', rejectionReason: null })
  })
  .state('rejected', (expert) => {
    expert.merge({ status: 'rejected', rejectionReason: '请补充职称证明' })
  })
  .state('city', (expert) => {
    expert.level = 'city'
  })
  .state('province', (expert) => {
    expert.level = 'province'
  })
  /** Away (on duty with an end date) through three days from today in Beijing: triage skips them. */
  .state('away', (expert) => {
    expert.awayUntil = today().plus({ days: 3 })
  })
  /** Open cases at the maximum: triage skips them until one closes. */
  .state('full', (expert) => {
    expert.openCases = expert.maxOpenCases
  })
  .before('create', (_, expert) => {
    if (expert.status !== 'pending') expert.reviewedAt ??= DateTime.now()
  })
  .after('create', async (_, expert, ctx) => {
    if (expert.status !== 'verified') return
    const trx = ctx.$trx!
    const held = await RoleGrant.query({ client: trx }).where({ userId: expert.userId, role: 'expert' }).first()
    if (!held) {
      const grant = await RoleGrantFactory.useCtx(ctx).merge({ userId: expert.userId, role: 'expert' }).create()
      const user = expert.$preloaded.user as User | undefined
      if (user?.$preloaded.roleGrants) user.$pushRelated('roleGrants', grant)
    }
    await indexExpert(trx, expert)
  })
  .build()
