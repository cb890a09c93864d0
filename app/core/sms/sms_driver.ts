import type { SmsTemplate, SmsVariables } from '#core/sms/templates'

export interface OutgoingSms {
  /** 11-digit mainland number, as stored on accounts. */
  phone: string
  template: SmsTemplate
  variables: SmsVariables
  /** Our id for the message, echoed back by providers that support it (for support tickets). */
  reference?: string
}

export interface SmsDriver {
  readonly name: string
  /** Whether the rendered text may be stored (only where no real phone receives it). */
  readonly keepsBody: boolean
  /** Resolves once the provider accepted the message; throws SmsProviderError otherwise. */
  send(message: OutgoingSms): Promise<{ providerRef: string | null }>
}

/**
 * The provider refused or could not be reached. `retryable` says whether the same
 * request may succeed later (a timeout, a provider hiccup, a short rate limit) or
 * needs a person (wrong credentials, unapproved template, invalid number).
 */
export class SmsProviderError extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean
  ) {
    super(reason)
  }
}
