/*
 * What other modules may use of 产业信息. Nothing yet: the semantic links to experts and
 * knowledge entries (issue 15 §4) will read experts' public.ts from here, not the other way.
 */
export { RECORD_KINDS, type RecordKind } from '#modules/info/shared/record_states'
