import db from '@adonisjs/lucid/services/db'
import User from '#core/accounts/models/user'
import regionDirectory from '#core/regions/region_directory'
import { allowSubjectViewers } from '#core/media/media_access'
import Consultation from '#modules/experts/models/consultation'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import Visit from '#modules/experts/models/visit'
import { dispatchCandidates, VISIT_MEDIA_SUBJECT } from '#modules/experts/visits/visit_actions'
import { mayClose, mayRecordOutcome, mayRequestVisit } from '#modules/experts/visits/participants'
import { participantFor, signedInParticipant } from '#modules/experts/shared/consultation_access'
import { visitPaths, type VisitViewerMode } from '#modules/experts/visits/paths'

/** The kinds of event a visit writes into its case's history. */
const VISIT_EVENT_KINDS = ['visit_requested', 'visit_dispatched', 'visit_rescheduled', 'visited', 'visit_cost_confirmed', 'visit_cancelled']

/** Public ids of each visit's outcome photos, in the order they were uploaded. */
async function photosOf(visitIds: number[]): Promise<Record<string, string[]>> {
  if (!visitIds.length) return {}
  const rows = await db
    .from('experts_visit_media as vm')
    .join('media as m', 'm.id', 'vm.media_id')
    .whereIn('vm.visit_id', visitIds)
    .orderBy([{ column: 'vm.visit_id' }, { column: 'vm.position' }])
    .select('vm.visit_id', 'm.public_id')
  const photos: Record<string, string[]> = {}
  for (const row of rows) (photos[String(row.visit_id)] ??= []).push(row.public_id)
  return photos
}

/**
 * Everything the visit panel shows to one viewer. Each case page's controller (reporter
 * page, SMS link pages, 我的案件) passes it as the panel's `panel` prop: templates
 * receive data, they never query.
 */
export async function visitPanelData(
  consultation: Consultation,
  mode: VisitViewerMode,
  viewer: { user?: User | null; token?: string | null } = {}
) {
  const participant = await participantFor(consultation, mode, viewer)
  const visits = await Visit.query()
    .where('consultation_id', consultation.id)
    .preload('expert', (expert) => expert.preload('user'))
    .orderBy('id', 'desc')
    .limit(10)
  return {
    participant,
    visits,
    photos: await photosOf(visits.map((visit) => visit.id)),
    // Private photos are served only to signed-in viewers who may see them (media access).
    showPhotos: mode === 'reporter' || mode === 'expert',
    canRequest: mayRequestVisit(participant, consultation),
    outcomeVisit: visits.find((visit) => mayRecordOutcome(participant, consultation, visit)) ?? null,
    requestPath: visitPaths.visits(consultation, mode, viewer.token),
    outcomePath: (visit: Visit) => visitPaths.outcome(consultation, visit.id, mode, viewer.token),
  }
}

/** The close form's view of the case for one viewer (its `form` prop). */
export async function closeFormData(
  consultation: Consultation,
  mode: VisitViewerMode,
  viewer: { user?: User | null; token?: string | null } = {}
) {
  const participant = await participantFor(consultation, mode, viewer)
  return {
    canClose: mayClose(participant, consultation),
    closePath: visitPaths.close(consultation, mode, viewer.token),
  }
}

/** The centre's page of one visit: the case, the people, the experts it may send, the history. */
export async function loadStaffVisit(visit: Visit) {
  const consultation = await Consultation.query().where('id', visit.consultationId).preload('reporter').firstOrFail()
  await visit.load('expert', (expert) => expert.preload('user'))
  const requester = await User.findOrFail(visit.requestedById)
  const next = await Visit.query().where('consultation_id', visit.consultationId).where('id', '>', visit.id).orderBy('id').first()
  const events = ConsultationEvent.query()
    .where('consultation_id', visit.consultationId)
    .whereIn('kind', VISIT_EVENT_KINDS)
    .where('created_at', '>=', visit.createdAt.toJSDate())
    .orderBy('id')
  if (next) events.where('created_at', '<', next.createdAt.toJSDate())
  return {
    visit,
    consultation,
    county: await regionDirectory.fullName(visit.countyCode),
    requesterName: requester.name || requester.maskedPhone,
    candidates: visit.status === 'requested' ? await dispatchCandidates(consultation) : [],
    photos: (await photosOf([visit.id]))[String(visit.id)] ?? [],
    events: await events,
  }
}

/** Who besides the uploader and the centre may see a visit's outcome photos: the case's reporter and experts. */
allowSubjectViewers(VISIT_MEDIA_SUBJECT, async (user, visitId) => {
  const visit = await Visit.find(visitId)
  const consultation = visit && (await Consultation.find(visit.consultationId))
  return !!consultation && !!(await signedInParticipant(user, consultation))
})

