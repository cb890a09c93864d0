import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope } from '#core/accounts/scoped_access'
import type KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'

/**
 * Centre staff of the scope holding the case's county look after its entry (edit the
 * wording, withdraw it). For anyone else the management pages do not exist (404), so
 * staff of 510105 learn nothing of 510104's entries beyond what the public sees.
 */
export default class KnowledgePolicy extends BasePolicy {
  manage(actor: User, entry: KnowledgeEntry) {
    return allowWithinScope(actor, SCOPED_ROLES, entry.countyCode, 'manage')
  }
}
