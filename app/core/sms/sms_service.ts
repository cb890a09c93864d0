import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import encryption from '@adonisjs/core/services/encryption'
import { Exception } from '@adonisjs/core/exceptions'
import env from '#start/env'
import { today as beijingDayOf } from '#core/clock'
import SmsMessage from '#core/sms/sms_message'
import { SmsProviderError, type SmsDriver } from '#core/sms/sms_driver'
import { LogSmsDriver } from '#core/sms/drivers/log_driver'
import { TencentSmsDriver } from '#core/sms/drivers/tencent_driver'
import { smsFailures } from '#core/metrics/metrics'
import {
  renderSms,
  templateIdVariable,
  templateParams,
  type SmsTemplate,
  type SmsVariables,
} from '#core/sms/templates'

export const DEFAULT_DAILY_CAP = 20
const DEFAULT_SIGN_NAME = '四川乡村振兴科技在线'
/**
 * Provider calls time out after 10 s, so a 'sending' claim this old belongs to a
 * worker that died mid-call; only then may another worker try the message again.
 */
const STALE_CLAIM_SECONDS = 120
const VARIABLES_PURPOSE = 'sms-variables'

/** A platform rule (the per-phone daily cap) stopped the message; it is recorded as refused. */
export class SmsRefusedError extends Exception {
  static status = 429
  static code = 'E_SMS_REFUSED'
  constructor(
    readonly messageId: number,
    reason: string
  ) {
    super(reason)
  }
}

/** The provider did not take the message; it is recorded as failed and may be delivered again. */
export class SmsNotSentError extends Exception {
  static status = 503
  static code = 'E_SMS_NOT_SENT'
  constructor(
    readonly messageId: number,
    reason: string,
    readonly retryable: boolean
  ) {
    super(reason)
  }
}

export interface DeliveryOutcome {
  message: SmsMessage
  /** Worth calling deliver() again later: a transient failure, or another worker is mid-send. */
  retryable: boolean
}

export interface SmsServiceOptions {
  dailyCap?: number
  signName?: string
}

/**
 * Every message is first recorded (queued, or refused over the daily cap), then
 * delivered by id. deliver() may be called any number of times, by any number of
 * workers: a message is handed to the provider by one of them at a time and never
 * again once sent.
 */
export class SmsService {
  readonly dailyCap: number
  readonly signName: string

  constructor(
    readonly driver: SmsDriver,
    options: SmsServiceOptions = {}
  ) {
    this.dailyCap = options.dailyCap ?? DEFAULT_DAILY_CAP
    this.signName = options.signName ?? DEFAULT_SIGN_NAME
  }

  /** Records and delivers at once (a login code cannot wait for a queue). Throws when not sent. */
  async send(phone: string, template: SmsTemplate, variables: SmsVariables): Promise<SmsMessage> {
    const recorded = await this.record(phone, template, variables)
    if (recorded.status === 'refused') throw new SmsRefusedError(recorded.id, recorded.reason!)
    const { message, retryable } = await this.deliver(recorded.id)
    if (message.status !== 'sent') throw new SmsNotSentError(message.id, `SMS ${message.id} not sent: ${message.reason}`, retryable)
    return message
  }

  /**
   * Records a message without sending it: queued, or refused when the phone reached
   * today's cap. `client`: a caller's transaction, so the message exists exactly when
   * the change it announces (or a job's `once` key) does.
   */
  async record(
    phone: string,
    template: SmsTemplate,
    variables: SmsVariables,
    options: { client?: TransactionClientContract } = {}
  ): Promise<SmsMessage> {
    templateParams(template, variables)
    return (options.client ?? db).transaction(async (trx) => {
      // One phone's messages are counted and added one at a time, so two requests at
      // once cannot both slip under the cap.
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`sms:${phone}`])
      const today = await this.countToday(phone, trx)
      const refused = today >= this.dailyCap
      return SmsMessage.create(
        {
          phone,
          template,
          driver: this.driver.name,
          body: this.driver.keepsBody ? renderSms(this.signName, template, variables) : null,
          variables: refused ? null : encryption.encrypt(variables, undefined, VARIABLES_PURPOSE),
          status: refused ? 'refused' : 'queued',
          reason: refused ? `daily cap: ${this.dailyCap} messages to this phone today` : null,
          attempts: 0,
        },
        { client: trx }
      )
    })
  }

  /**
   * Messages recorded or sent to the phone since midnight (Beijing time); refused ones
   * do not count. Providers count a phone's messages per real calendar day in China, and
   * rows are stamped by the wall clock: the platform clock that tests move plays no part.
   */
  async countToday(phone: string, client = db.connection()) {
    const midnight = beijingDayOf(new Date())
    const row = await client
      .from('sms_messages')
      .where('phone', phone)
      .where('created_at', '>=', midnight.toJSDate())
      .whereNot('status', 'refused')
      .count('* as n')
      .first()
    return Number(row.n)
  }

  /**
   * Hands a recorded message to the provider, unless it is already sent, refused,
   * or being sent by another worker right now: then nothing happens.
   */
  async deliver(messageId: number): Promise<DeliveryOutcome> {
    const now = DateTime.now()
    const claimed = await db
      .from('sms_messages')
      .where('id', messageId)
      .where((query) =>
        query
          .whereIn('status', ['queued', 'failed'])
          .orWhere((stale) =>
            stale.where('status', 'sending').where('last_attempt_at', '<', now.minus({ seconds: STALE_CLAIM_SECONDS }).toJSDate())
          )
      )
      .update({ status: 'sending', attempts: db.raw('attempts + 1'), last_attempt_at: now.toJSDate() })
      .returning('id')
    const message = await SmsMessage.findOrFail(messageId)
    if (!claimed.length) return { message, retryable: message.status === 'sending' }

    let retryable = false
    try {
      const variables = message.variables ? encryption.decrypt<SmsVariables>(message.variables, VARIABLES_PURPOSE) : null
      if (!variables) throw new SmsProviderError('variables unreadable (was APP_KEY changed?)', false)
      const { providerRef } = await this.driver.send({
        phone: message.phone,
        template: message.template,
        variables,
        reference: String(message.id),
      })
      // The variables (a login code, say) are not needed any more once sent.
      message.merge({ status: 'sent', providerRef, sentAt: DateTime.now(), reason: null, variables: null })
    } catch (error) {
      const failure = error instanceof SmsProviderError ? error : new SmsProviderError(String((error as Error)?.message ?? error), true)
      message.merge({ status: 'failed', reason: failure.reason.slice(0, 1000) })
      retryable = failure.retryable
      smsFailures.inc({ retryable: String(retryable) })
    }
    await message.save()
    return { message, retryable }
  }

  /**
   * Messages a sweep should hand to deliver(): queued ones nobody picked up (the
   * process stopped between record and deliver) and claims of a worker that died.
   * Failed messages are retried by whoever scheduled them, with backoff.
   */
  async stranded(olderThanSeconds = 60, limit = 100): Promise<number[]> {
    const cutoff = DateTime.now().minus({ seconds: olderThanSeconds }).toJSDate()
    const staleClaim = DateTime.now().minus({ seconds: STALE_CLAIM_SECONDS }).toJSDate()
    const rows = await db
      .from('sms_messages')
      .select('id')
      .where((query) =>
        query
          .where((queued) => queued.where('status', 'queued').where('created_at', '<', cutoff))
          .orWhere((stale) => stale.where('status', 'sending').where('last_attempt_at', '<', staleClaim))
      )
      .orderBy('id')
      .limit(limit)
    return rows.map((row) => Number(row.id))
  }
}

/** The driver SMS_DRIVER names, configured from the environment (README "SMS"). */
export function driverFromEnv(): SmsDriver {
  if (env.get('SMS_DRIVER') === 'log') return new LogSmsDriver()
  const secretId = env.get('SMS_TENCENT_SECRET_ID')
  const secretKey = env.get('SMS_TENCENT_SECRET_KEY')?.release()
  const appId = env.get('SMS_TENCENT_APP_ID')
  if (!secretId || !secretKey || !appId) {
    throw new Error('SMS_DRIVER=tencent needs SMS_TENCENT_SECRET_ID, SMS_TENCENT_SECRET_KEY and SMS_TENCENT_APP_ID')
  }
  return new TencentSmsDriver({
    secretId,
    secretKey,
    appId,
    signName: env.get('SMS_SIGN_NAME', DEFAULT_SIGN_NAME),
    region: env.get('SMS_TENCENT_REGION', 'ap-guangzhou'),
    endpoint: env.get('SMS_TENCENT_ENDPOINT'),
    // Modules' template ids are not in start/env.ts (core names no module's template).
    templateId: (template) => process.env[templateIdVariable(template)] || undefined,
  })
}

export default new SmsService(driverFromEnv(), {
  dailyCap: env.get('SMS_DAILY_CAP_PER_PHONE', DEFAULT_DAILY_CAP),
  signName: env.get('SMS_SIGN_NAME', DEFAULT_SIGN_NAME),
})
