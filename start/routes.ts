/*
 * Each area registers its own routes; this file only decides the order. A module's
 * start.ts loads its routes together with whatever else it adds at boot.
 */
import '#core/routes'
import '#core/media/routes'
import '#core/notifications/routes'
import '#core/jobs/routes'
import '#modules/admin/start'
import '#modules/experts/start'
import '#modules/supply/start'
import '#modules/info/start'
import '#modules/achievements/start'
