import { AuthorizationResponse, BasePolicy, errors } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type Consultation from '#modules/experts/models/consultation'
import { REPORTER_ROLES, isReporter, viewerOf, type CaseViewer } from '#modules/experts/shared/consultation_access'

const notFound = () => AuthorizationResponse.deny('Not found', 404)

/**
 * The case pages' check and their viewer in one look (a policy answers yes or no, and
 * the pages would then ask viewerOf again): anyone who is not a viewer gets 404.
 */
export async function authorizeViewer(user: User, consultation: Consultation): Promise<CaseViewer> {
  const viewer = await viewerOf(user, consultation)
  if (!viewer) throw new errors.E_AUTHORIZATION_FAILURE(notFound())
  return viewer
}

/** Cases are shown only to those who may see them; everyone else is told they do not exist (404). */
export default class ConsultationPolicy extends BasePolicy {
  async report(user: User) {
    return user.hasRole(...REPORTER_ROLES)
  }

  /** Choosing between a similar case and an expert is the reporter's alone. */
  async decide(user: User, consultation: Consultation) {
    if (isReporter(user, consultation)) return AuthorizationResponse.allow()
    return (await viewerOf(user, consultation)) ? AuthorizationResponse.deny('Forbidden', 403) : notFound()
  }
}
