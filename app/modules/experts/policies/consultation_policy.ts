import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type Consultation from '#modules/experts/models/consultation'
import { REPORTER_ROLES, isReporter, viewerOf } from '#modules/experts/consultation_access'

const notFound = () => AuthorizationResponse.deny('Not found', 404)

/** Cases are shown only to those who may see them; everyone else is told they do not exist (404). */
export default class ConsultationPolicy extends BasePolicy {
  async report(user: User) {
    return user.hasRole(...REPORTER_ROLES)
  }

  async view(user: User, consultation: Consultation) {
    return (await viewerOf(user, consultation)) ? AuthorizationResponse.allow() : notFound()
  }

  /** Choosing between a similar case and an expert is the reporter's alone. */
  async decide(user: User, consultation: Consultation) {
    if (isReporter(user, consultation)) return AuthorizationResponse.allow()
    return (await viewerOf(user, consultation)) ? AuthorizationResponse.deny('Forbidden', 403) : notFound()
  }
}
