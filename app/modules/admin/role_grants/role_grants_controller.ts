import type { HttpContext } from '@adonisjs/core/http'
import { actingAs } from '#core/accounts/acting'
import User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import { ADMIN_ROLES, ROLES, isScopedRole } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import { fieldError } from '#core/http/field_error'
import { renderPageOrFragment } from '#core/http/render'
import RoleGrantPolicy from '#modules/admin/role_grants/policy'
import { grantRoleValidator, userSearchValidator } from '#modules/admin/role_grants/validators'
import { grantArea, grantRole, revokeRole } from '#modules/admin/role_grants/grant_roles'
import { regionOptions } from '#core/regions/region_options'
import { usersInScope } from '#modules/admin/users/user_search'

export default class RoleGrantsController {
  /** People in the admin's scope, searchable by phone or name. */
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(RoleGrantPolicy).authorize('manage')
    const { q, page } = await request.validateUsing(userSearchValidator, { data: request.qs() })
    const scopes = await auth.getUserOrFail().scopesFor(...ADMIN_ROLES)

    const users = await usersInScope(scopes, { q }).preload('roleGrants').paginate(page ?? 1, 20)

    return renderPageOrFragment(ctx, 'admin/role_grants/pages/role_grants', 'admin/role_grants/partials/user_list', {
      users,
      q: q ?? '',
      scopeNames: await Promise.all(scopes.map((scope) => regionDirectory.fullName(scope.regionCode))),
    })
  }

  async show({ params, bouncer, view, auth }: HttpContext) {
    await bouncer.with(RoleGrantPolicy).authorize('manage')
    const holder = await User.findOrFail(params.id)
    await bouncer.with(RoleGrantPolicy).authorize('view', holder)
    return view.render('admin/role_grants/pages/user_roles', {
      holder,
      grants: await holder.grants(),
      county: await regionDirectory.fullName(holder.countyCode),
      roles: ROLES,
      scopeOptions: await regionOptions(await auth.getUserOrFail().scopesFor(...ADMIN_ROLES)),
    })
  }

  async store({ params, request, bouncer, auth, response, session, i18n }: HttpContext) {
    await bouncer.with(RoleGrantPolicy).authorize('manage')
    const holder = await User.findOrFail(params.id)
    await bouncer.with(RoleGrantPolicy).authorize('view', holder)
    const { role, scope: scopeCode } = await request.validateUsing(grantRoleValidator)
    if (isScopedRole(role) && !scopeCode) throw fieldError('scope', i18n.t('admin.role_grants.scope_hint'))

    const area = grantArea(role, scopeCode ? RegionScope.fromRegionCode(scopeCode).prefix : null, holder)
    await bouncer.with(RoleGrantPolicy).authorize('change', role, area)
    await grantRole(await actingAs(auth.getUserOrFail(), request.ip()), holder, role, area)
    session.flash('success', i18n.t('admin.role_grants.granted'))
    return response.redirect().toRoute('admin.role_grants.show', { id: holder.id })
  }

  /** The confirmation step before a revoke (works without JavaScript). */
  async confirmRevoke({ params, bouncer, view }: HttpContext) {
    const { grant, holder } = await this.#authorizedGrant(params.id, bouncer)
    return view.render('admin/role_grants/pages/revoke_confirm', { grant, holder })
  }

  async destroy({ params, bouncer, request, auth, response, session, i18n }: HttpContext) {
    const { grant, holder } = await this.#authorizedGrant(params.id, bouncer)
    await revokeRole(await actingAs(auth.getUserOrFail(), request.ip()), grant, holder)
    session.flash('success', i18n.t('admin.role_grants.revoked'))
    return response.redirect().toRoute('admin.role_grants.show', { id: holder.id })
  }

  async #authorizedGrant(id: string, bouncer: HttpContext['bouncer']) {
    await bouncer.with(RoleGrantPolicy).authorize('manage')
    const grant = await RoleGrant.findOrFail(id)
    const holder = await User.findOrFail(grant.userId)
    await bouncer.with(RoleGrantPolicy).authorize('change', grant.role, grantArea(grant.role, grant.scope, holder))
    return { grant, holder }
  }
}
