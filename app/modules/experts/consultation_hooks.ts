/*
 * What the reporting area registers with the shared kernel at boot (imported by
 * routes/consultations.ts, which every process loads): who may see a case's private
 * photos, and what a reviewer's decision on a held case or message does.
 */
import { allowSubjectViewers } from '#core/media/media_access'
import Consultation from '#modules/experts/models/consultation'
import { viewerOf } from '#modules/experts/consultation_access'
import { MEDIA_SUBJECT } from '#modules/experts/actions/submit_consultation'
import '#modules/experts/actions/consultation_moderation'

// The media service already lets the uploader and scoped staff in; the assigned expert is ours to name.
allowSubjectViewers(MEDIA_SUBJECT, async (user, subjectId) => {
  const consultation = await Consultation.find(subjectId)
  return !!consultation && !!(await viewerOf(user, consultation))
})
