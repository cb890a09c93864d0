import SmsMessage from '#core/sms/sms_message'
import env from '#start/env'

/**
 * Chinese SMS providers only send pre-approved templates with variables, so the
 * platform speaks in template names + variables, never in free text.
 */
export const SMS_TEMPLATES = {
  verification_code: '【四川乡村振兴科技在线】您的验证码是{code}，5分钟内有效，请勿告诉他人。',
} as const

export type SmsTemplate = keyof typeof SMS_TEMPLATES

export interface SmsDriver {
  readonly name: string
  /** Whether the rendered text may be stored (only where no real phone receives it). */
  readonly keepsBody: boolean
  send(phone: string, template: SmsTemplate, variables: Record<string, string>): Promise<void>
}

/** Development and tests: nothing leaves the machine; the message is readable at /dev/sms. */
export class LogSmsDriver implements SmsDriver {
  readonly name = 'log'
  readonly keepsBody = true
  async send() {}
}

export function renderSms(template: SmsTemplate, variables: Record<string, string>) {
  return SMS_TEMPLATES[template].replace(/\{(\w+)\}/g, (_, key: string) => variables[key] ?? '')
}

export class SmsService {
  constructor(private driver: SmsDriver) {}

  async send(phone: string, template: SmsTemplate, variables: Record<string, string>) {
    let error: string | null = null
    try {
      await this.driver.send(phone, template, variables)
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure)
    }
    await SmsMessage.create({
      phone,
      template,
      driver: this.driver.name,
      body: this.driver.keepsBody ? renderSms(template, variables) : null,
      status: error ? 'failed' : 'sent',
      error,
    })
    if (error) throw new Error(`SMS to ${phone.slice(0, 3)}… failed: ${error}`)
  }
}

const drivers: Record<string, () => SmsDriver> = { log: () => new LogSmsDriver() }

export default new SmsService(drivers[env.get('SMS_DRIVER')]())
