/**
 * Where each kind of visitor acts on a case's visit and closing: a signed-in reporter or
 * expert under /consultations/:id, an expert from an SMS link under /l/:id/:token, a
 * farmer from an SMS link under /f/:id/:token. Pages, partials, notifications and SMS
 * all build their URLs here, so the routes file is the only other place that knows them.
 */
export type VisitViewerMode = 'reporter' | 'expert' | 'expert_link' | 'farmer_link'

export interface CaseRef {
  id: number | string
}

function base(consultation: CaseRef, mode: VisitViewerMode, token?: string | null) {
  if (mode === 'expert_link') return `/l/${consultation.id}/${token}`
  if (mode === 'farmer_link') return `/f/${consultation.id}/${token}`
  return `/consultations/${consultation.id}`
}

export const visitPaths = {
  /** The reporter's own case page (reporting area), which includes the visit panel and close form. */
  reporterCase(consultation: CaseRef) {
    return `/consultations/${consultation.id}`
  },
  /** GET: the visit panel as a page of its own; POST: a visit request. */
  visits(consultation: CaseRef, mode: VisitViewerMode, token?: string | null) {
    return `${base(consultation, mode, token)}/visits`
  },
  outcome(consultation: CaseRef, visitId: number | string, mode: VisitViewerMode, token?: string | null) {
    return `${base(consultation, mode, token)}/visits/${visitId}/outcome`
  },
  /** GET: the close-and-rate form as a page of its own; POST: close with a rating. */
  close(consultation: CaseRef, mode: VisitViewerMode, token?: string | null) {
    return `${base(consultation, mode, token)}/close`
  },
  staffList() {
    return '/admin/visits'
  },
  staffVisit(visitId: number | string) {
    return `/admin/visits/${visitId}`
  },
}
