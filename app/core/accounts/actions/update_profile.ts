import db from '@adonisjs/lucid/services/db'
import type User from '#core/accounts/models/user'
import { audit, changesOf } from '#core/audit/audit'

interface Profile {
  name: string
  countyCode: string
  village: string | null
}

/** The county decides which centre serves the person and who may see them: audited. */
export async function updateProfile(user: User, profile: Profile, ip: string) {
  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    user.merge(profile)
    const changes = changesOf(user, ['name', 'countyCode', 'village'])
    await user.save()
    if (changes) {
      await audit(trx, { actor: user, action: 'account.profile_update', subjectType: 'user', subjectId: user.id, countyCode: user.countyCode, ip, changes })
    }
  })
}
