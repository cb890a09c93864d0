import type { IncomingMessage } from 'node:http'

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/**
 * Who may read /metrics: with METRICS_TOKEN set, whoever sends it as a bearer token; without
 * it, only a direct connection from this machine — nothing that came through nginx (which
 * adds X-Forwarded-For, and answers /metrics with 404 itself).
 */
export function isScraperAllowed(request: IncomingMessage, token: string | undefined, equal: (a: Buffer, b: Buffer) => boolean) {
  if (token) {
    const given = Buffer.from(request.headers.authorization?.replace(/^Bearer /, '') ?? '')
    const wanted = Buffer.from(token)
    return given.length === wanted.length && equal(given, wanted)
  }
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && !request.headers['x-forwarded-for'] && !request.headers['x-real-ip']
}
