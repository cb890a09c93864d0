import { createHmac, timingSafeEqual } from 'node:crypto'
import { appKey } from '#config/app'
import { clock } from '#core/clock'
import { LINK_TTL_MS } from '#modules/experts/shared/consultation_states'

/**
 * Signed single-case links sent by SMS (DESIGN §1: experts answer without logging in;
 * a farmer reported for by an 信息员 follows the case the same way). A link names one
 * consultation, one audience and one subject — the expert profile id, or 0 for the
 * case's farmer — and an expiry; the HMAC (keyed with APP_KEY) covers all four, so
 * changing any of them, or using it after expiry, is refused. Kept short because
 * every character of an SMS costs: /l/<case>/<token> (/f/ for farmers), ≈ 40 characters.
 */
export type LinkAudience = 'expert' | 'farmer'

export interface CaseLink {
  consultationId: number
  audience: LinkAudience
  /** Expert profile id for 'expert', 0 for 'farmer'. */
  subjectId: number
  expiresAt: Date
}

const AUDIENCE_CODE: Record<LinkAudience, string> = { expert: 'e', farmer: 'f' }

function signature(consultationId: number, body: string): string {
  return createHmac('sha256', appKey.release())
    .update(`case-link:${consultationId}:${body}`)
    .digest('base64url')
    .slice(0, 22)
}

/** The token part of the link; `ttlMs` defaults to 72 hours from the platform clock. */
export function signCaseLink(consultationId: number, audience: LinkAudience, subjectId: number, ttlMs = LINK_TTL_MS): string {
  // Lucid hands bigint ids over as strings, and String#toString ignores the radix.
  subjectId = Number(subjectId)
  consultationId = Number(consultationId)
  const expires = Math.floor((clock.now().getTime() + ttlMs) / 1000).toString(36)
  const body = `${AUDIENCE_CODE[audience]}${subjectId.toString(36)}.${expires}`
  return `${body}.${signature(consultationId, body)}`
}

/** The path an SMS carries (the caller prefixes APP_URL): /l/… for experts, /f/… for farmers. */
export function caseLinkPath(consultationId: number, audience: LinkAudience, subjectId: number): string {
  const prefix = audience === 'expert' ? 'l' : 'f'
  return `/${prefix}/${consultationId}/${signCaseLink(consultationId, audience, subjectId)}`
}

export type LinkCheck = { ok: true; link: CaseLink } | { ok: false; reason: 'invalid' | 'expired' }

/** Verifies a token for the consultation in the URL; a token of another case never verifies. */
export function verifyCaseLink(consultationId: number, token: unknown): LinkCheck {
  if (typeof token !== 'string' || !Number.isSafeInteger(consultationId)) return { ok: false, reason: 'invalid' }
  const match = /^([ef])([0-9a-z]{1,12})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/.exec(token)
  if (!match) return { ok: false, reason: 'invalid' }
  const [, audienceCode, subject, expires, given] = match
  const expected = signature(consultationId, `${audienceCode}${subject}.${expires}`)
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return { ok: false, reason: 'invalid' }
  const expiresAt = new Date(Number.parseInt(expires, 36) * 1000)
  if (expiresAt.getTime() <= clock.now().getTime()) return { ok: false, reason: 'expired' }
  return {
    ok: true,
    link: {
      consultationId,
      audience: audienceCode === 'e' ? 'expert' : 'farmer',
      subjectId: Number.parseInt(subject, 36),
      expiresAt,
    },
  }
}

/** When a link was signed: its expiry less the lifetime every link gets (ms). */
export function linkIssuedAt(link: CaseLink): number {
  return link.expiresAt.getTime() - LINK_TTL_MS
}
