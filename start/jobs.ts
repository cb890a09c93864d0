/*
 * Every background job and schedule, loaded in each process: the web server and
 * commands dispatch them, `node ace jobs:work` runs them. A module's jobs come with
 * its start.ts (start/routes.ts loads it too; naming it here keeps the jobs loaded
 * should the routes ever stop being preloaded somewhere).
 */
import '#core/jobs/maintenance'
import '#core/jobs/sms_delivery'
import '#modules/experts/start'
import '#modules/achievements/start'
