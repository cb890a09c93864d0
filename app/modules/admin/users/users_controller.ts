import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import { actingAs } from '#core/accounts/acting'
import User from '#core/accounts/models/user'
import { ADMIN_ROLES } from '#core/accounts/roles'
import { signedInDevices } from '#core/accounts/devices'
import { passkeysOf } from '#core/accounts/passkeys'
import { audit } from '#core/audit/audit'
import { formDone, guardForm, validateForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import regionDirectory from '#core/regions/region_directory'
import { xlsxBytes } from '#core/spreadsheets/xlsx_writer'
import UserPolicy from '#modules/admin/users/policy'
import { accountReasonValidator, userFilterValidator, USER_STATUSES } from '#modules/admin/users/validators'
import { usersInScope } from '#modules/admin/users/user_search'
import { deactivate, endAllSessions, endSession, reactivate } from '#modules/admin/users/account_actions'
import { userExportRows, USER_EXPORT_COLUMNS } from '#modules/admin/users/user_export'

const REASON_FORM = { errorsTarget: '#account-errors', messages: 'admin.users.validator' }

/** The search form's query: its empty fields ("全部") mean no filter. */
const filterOf = ({ request }: HttpContext) =>
  request.validateUsing(userFilterValidator, { data: Object.fromEntries(Object.entries(request.qs()).filter(([, value]) => value !== '')) })

/**
 * 用户管理: the people of the administrator's scope — searched, each with their roles (granted
 * and revoked on the role grants screen), passkeys and signed-in sessions; deactivated or
 * reactivated with a reason; their sessions ended; the list exported with phones masked.
 */
export default class UsersController {
  async index(ctx: HttpContext) {
    const { bouncer, auth } = ctx
    await bouncer.with(UserPolicy).authorize('manage')
    const { page, ...filter } = await filterOf(ctx)
    const scopes = await auth.getUserOrFail().scopesFor(...ADMIN_ROLES)
    const users = await usersInScope(scopes, filter).preload('roleGrants').paginate(page ?? 1, 20)
    return renderPageOrFragment(ctx, 'admin/users/pages/index', 'admin/users/partials/user_list', {
      users,
      q: filter.q ?? '',
      status: filter.status ?? '',
      statuses: USER_STATUSES,
      scopeNames: await Promise.all(scopes.map((scope) => regionDirectory.fullName(scope.regionCode))),
    })
  }

  async show(ctx: HttpContext) {
    const target = await this.#visible(ctx)
    return ctx.view.render('admin/users/pages/show', await this.#account(target))
  }

  async deactivate(ctx: HttpContext) {
    return this.#reasoned(ctx, deactivate, 'admin.users.deactivated')
  }

  async reactivate(ctx: HttpContext) {
    return this.#reasoned(ctx, reactivate, 'admin.users.reactivated')
  }

  /** One of the person's sessions ended (its handle as on the page); an unknown handle is 404. */
  async endSession(ctx: HttpContext) {
    const target = await this.#actionable(ctx)
    const acting = await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip())
    if (!(await endSession(acting, target, ctx.params.handle))) throw new Exception('No such session of this person', { status: 404 })
    return this.#sessionsDone(ctx, target)
  }

  async endAllSessions(ctx: HttpContext) {
    const target = await this.#actionable(ctx)
    await endAllSessions(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), target)
    await target.refresh()
    return this.#sessionsDone(ctx, target)
  }

  /** The list as the search shows it, every phone masked (XLSX); the export is audited. */
  async export(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, response } = ctx
    await bouncer.with(UserPolicy).authorize('manage')
    const { page: _page, ...filter } = await filterOf(ctx)
    const actor = auth.getUserOrFail()
    const scopes = await actor.scopesFor(...ADMIN_ROLES)
    const acting = await actingAs(actor, request.ip())
    await db.transaction((trx) =>
      audit(trx, { actor, actorRole: acting.actorRole, action: 'users.export', subjectType: 'users', countyCode: scopes[0]?.regionCode ?? null, ip: acting.ip, changes: { filter: { old: null, new: filter } } })
    )
    const header = USER_EXPORT_COLUMNS.map((column) => i18n.t(`admin.users.export.columns.${column}`))
    const name = `${i18n.t('admin.users.export.file_name')}.xlsx`
    response.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    response.header('Content-Disposition', `attachment; filename="users.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    response.header('Cache-Control', 'no-store')
    response.stream(Readable.from(xlsxBytes(i18n.t('admin.users.export.sheet'), header, userExportRows(scopes, filter, i18n))))
  }

  async #visible({ params, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('manage')
    const target = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('view', target)
    return target
  }

  async #actionable(ctx: HttpContext) {
    const target = await this.#visible(ctx)
    await ctx.bouncer.with(UserPolicy).authorize('act', target)
    return target
  }

  async #account(target: User) {
    return {
      target,
      grants: await target.grants(),
      county: await regionDirectory.fullName(target.countyCode),
      passkeys: await passkeysOf(target),
      devices: await signedInDevices(target),
      signOutUrl: (handle: string) => router.makeUrl('admin.users.sessions.destroy', { id: target.id, handle }),
    }
  }

  async #reasoned(ctx: HttpContext, step: typeof deactivate, messageKey: string) {
    const target = await this.#actionable(ctx)
    const { reason } = await validateForm(ctx, accountReasonValidator, REASON_FORM)
    await guardForm(ctx, REASON_FORM, async () => step(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), target, reason))
    return formDone(ctx, {
      message: ctx.i18n.t(messageKey),
      redirectTo: router.makeUrl('admin.users.show', { id: target.id }),
      fragment: async (status) => ctx.view.render('admin/users/partials/account', { ...(await this.#account(target)), status }),
    })
  }

  async #sessionsDone(ctx: HttpContext, target: User) {
    return formDone(ctx, {
      message: ctx.i18n.t('admin.users.sessions_ended'),
      redirectTo: router.makeUrl('admin.users.show', { id: target.id }),
      fragment: async (status) => ctx.view.render('accounts/partials/device_list', { ...(await this.#account(target)), status }),
    })
  }
}
