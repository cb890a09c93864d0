import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { DateTime } from 'luxon'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import SmsCode, { type SmsCodePurpose } from '#core/accounts/models/sms_code'
import sms from '#core/sms/sms_service'
import { appKey } from '#config/app'

export const CODE_TTL_MINUTES = 5
const MAX_WRONG_GUESSES = 5

export type SmsCodeVerdict = 'ok' | 'missing' | 'used' | 'expired' | 'wrong'

export class ThrottledError extends Error {
  constructor(readonly retryInSeconds: number) {
    super(`throttled for ${retryInSeconds}s`)
  }
}

function hashCode(phone: string, code: string) {
  return createHmac('sha256', appKey.release()).update(`${phone}:${code}`).digest('hex')
}

/**
 * Generates, stores (hashed) and texts a 6-digit code; earlier codes for the same
 * purpose stop working. Limits: one per phone per minute, ten per phone per day,
 * twenty per IP per hour — an SMS costs money and a flood of them is harassment.
 */
export async function issueSmsCode(phone: string, purpose: SmsCodePurpose, ip: string) {
  try {
    await limiter.use({ requests: 20, duration: '1 hour' }).consume(`sms:ip:${ip}`)
    await limiter.use({ requests: 1, duration: '60 sec' }).consume(`sms:phone:${phone}`)
    await limiter.use({ requests: 10, duration: '24 hours' }).consume(`sms:phone-day:${phone}`)
  } catch (error) {
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) throw new ThrottledError(error.response.availableIn)
    throw error
  }

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  await SmsCode.query().where({ phone, purpose }).whereNull('consumedAt').update({ consumedAt: DateTime.now() })
  await SmsCode.create({
    phone,
    purpose,
    codeHash: hashCode(phone, code),
    failedAttempts: 0,
    expiresAt: DateTime.now().plus({ minutes: CODE_TTL_MINUTES }),
  })
  await sms.send(phone, 'verification_code', { code })
}

/**
 * Checks and consumes the latest code for the phone inside the caller's transaction,
 * so the account change and the code's single use commit together. A wrong guess is
 * counted in the same transaction: callers commit it and report the verdict.
 */
export async function consumeSmsCode(
  trx: TransactionClientContract,
  phone: string,
  purpose: SmsCodePurpose,
  code: string
): Promise<SmsCodeVerdict> {
  const latest = await SmsCode.query({ client: trx })
    .where({ phone, purpose })
    .orderBy('id', 'desc')
    .forUpdate()
    .first()
  if (!latest) return 'missing'
  if (latest.consumedAt) return 'used'
  if (latest.expiresAt <= DateTime.now()) return 'expired'

  const matches = timingSafeEqual(Buffer.from(latest.codeHash, 'hex'), Buffer.from(hashCode(phone, code), 'hex'))
  if (!matches) {
    latest.failedAttempts += 1
    if (latest.failedAttempts >= MAX_WRONG_GUESSES) latest.consumedAt = DateTime.now()
  } else {
    latest.consumedAt = DateTime.now()
  }
  await latest.save()
  return matches ? 'ok' : 'wrong'
}

/** Thrown after the transaction that recorded a bad code has committed. */
export class SmsCodeRejected extends Error {
  constructor(readonly verdict: Exclude<SmsCodeVerdict, 'ok'>) {
    super(`SMS code rejected: ${verdict}`)
  }
}
