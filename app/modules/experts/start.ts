/*
 * What the expert service adds to the app at boot, in every process (the web server,
 * commands and `node ace jobs:work` alike): its routes, what it registers with the
 * shared kernel (who may see a case's files, what a moderation decision does, the
 * visit panel's template helpers) and its background jobs and schedules.
 */
import '#modules/experts/routes'
import '#modules/experts/consultations/hooks'
import '#modules/experts/visits/visit_views'
import '#modules/experts/triage/jobs'
import '#modules/experts/statistics/refresh_job'
import '#modules/experts/closing/jobs'
