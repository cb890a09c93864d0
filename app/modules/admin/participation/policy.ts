import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'

/** Only the province's platform administrators suspend or restore a region's participation (403 for everyone else). */
export default class ParticipationPolicy extends BasePolicy {
  async manage(actor: User) {
    return (await actor.scopesFor('platform_admin')).some((scope) => scope.level === 'province')
  }
}
