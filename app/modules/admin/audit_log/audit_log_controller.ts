import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import AuditEntry from '#core/audit/audit_entry'
import { auditActionLabels } from '#core/audit/audit'
import { ADMIN_ROLES } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import { renderPageOrFragment } from '#core/http/render'
import AuditPolicy from '#modules/admin/audit_log/policy'

const filtersValidator = vine.create({
  action: vine.string().trim().maxLength(60).regex(/^[a-z_.]+$/).optional(),
  page: vine.number().min(1).max(100000).optional(),
})

/** Read-only: the audit log has no edit or delete path anywhere in the app. */
export default class AuditLogController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(AuditPolicy).authorize('view')
    const { action, page } = await request.validateUsing(filtersValidator, { data: request.qs() })
    const query = RegionScope.constrain(AuditEntry.query(), await auth.getUserOrFail().scopesFor(...ADMIN_ROLES)).orderBy('id', 'desc')
    if (action) query.where('action', action)
    const entries = await query.paginate(page ?? 1, 30)
    return renderPageOrFragment(ctx, 'admin/audit_log/pages/audit_log', 'admin/audit_log/partials/audit_entries', {
      entries,
      action: action ?? '',
      actionLabels: auditActionLabels(),
    })
  }
}
