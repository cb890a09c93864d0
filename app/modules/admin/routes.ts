/*
 * Routes of the management centre; each feature folder adds its own routes.ts here.
 */
import '#modules/admin/role_grants/routes'
import '#modules/admin/audit_log/routes'
import '#modules/admin/moderation/routes'
