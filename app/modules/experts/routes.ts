/*
 * Routes of the expert service; each area of the module adds its own file here.
 */
import '#modules/experts/routes/consultations'
import '#modules/experts/routes/followups'
import '#modules/experts/routes/profiles'
import '#modules/experts/routes/triage'
import '#modules/experts/routes/visits'
