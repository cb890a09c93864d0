/**
 * What other modules may use of the expert service (DESIGN §2). Grows as they need it.
 */
export { CONSULTATION_STATES, type ConsultationState } from '#modules/experts/consultation_states'
