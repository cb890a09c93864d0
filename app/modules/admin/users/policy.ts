import type User from '#core/accounts/models/user'
import RoleGrantPolicy from '#modules/admin/role_grants/policy'

/**
 * 用户管理 follows the role grants' rule of who sees whom: an administrator sees the people
 * of their scope (another county's are 404) and acts on those they stand above (one who
 * outranks them is 403). Nobody deactivates their own account or ends their own sessions here.
 */
export default class UserPolicy extends RoleGrantPolicy {
  async act(actor: User, target: User) {
    if (Number(actor.id) === Number(target.id)) return false
    return this.view(actor, target)
  }
}
