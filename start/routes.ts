/*
 * Each area registers its own routes; this file only decides the order.
 */
import '#core/routes'
import '#core/media/routes'
import '#core/notifications/routes'
import '#core/jobs/routes'
import '#modules/admin/routes'
import '#modules/experts/routes'
