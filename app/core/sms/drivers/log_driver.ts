import type { SmsDriver } from '#core/sms/sms_driver'

/** Development and tests: nothing leaves the machine; the message is readable at /dev/sms. */
export class LogSmsDriver implements SmsDriver {
  readonly name = 'log'
  readonly keepsBody = true
  async send() {
    return { providerRef: null }
  }
}
