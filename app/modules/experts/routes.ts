/*
 * Routes of the expert service; each feature folder adds its own routes.ts here.
 */
import '#modules/experts/directory/routes'
import '#modules/experts/profiles/routes'
import '#modules/experts/consultations/routes'
import '#modules/experts/similar/routes'
import '#modules/experts/conversation/routes'
import '#modules/experts/triage/routes'
import '#modules/experts/responses/routes'
import '#modules/experts/visits/routes'
import '#modules/experts/closing/routes'
import '#modules/experts/followups/routes'
import '#modules/experts/statistics/routes'
import '#modules/experts/exports/routes'
