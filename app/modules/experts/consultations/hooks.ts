/*
 * What the reporting area registers with the shared kernel at boot (imported by the
 * module's start.ts, which every process loads): who may see a case's private
 * photos, and what a reviewer's decision on a held case or message does.
 */
import { allowSubjectViewers } from '#core/media/media_access'
import Consultation from '#modules/experts/models/consultation'
import { viewerOf } from '#modules/experts/shared/consultation_access'
import { MEDIA_SUBJECT } from '#modules/experts/consultations/submit_consultation'
import '#modules/experts/consultations/consultation_moderation'

// The media service already lets the uploader and scoped staff in; the assigned expert is ours to name.
allowSubjectViewers(MEDIA_SUBJECT, async (user, subjectId) => {
  const consultation = await Consultation.find(subjectId)
  return !!consultation && !!(await viewerOf(user, consultation))
})
