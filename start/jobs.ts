/*
 * Every background job and schedule, loaded in each process: the web server and
 * commands dispatch them, `node ace jobs:work` runs them. A module adds its file here.
 */
import '#core/jobs/maintenance'
import '#core/jobs/sms_delivery'
import '#modules/experts/jobs'
import '#modules/experts/statistics/refresh_job'
import '#modules/experts/closing_jobs'
