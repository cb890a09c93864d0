/** Node's socket errors: the server is not there, went away, or does not answer. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'])

/**
 * PostgreSQL's: 57P01–57P03 (shutting down, crashed, not accepting connections yet: a restart),
 * 08xxx (the connection failed or broke), 53300 (too many connections).
 */
const SQLSTATE = /^(57P0[123]|08\d{3}|53300)$/

const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Timeout acquiring a connection|the database system is (starting up|shutting down)/i

/**
 * Whether an error says the database cannot be reached at all — a restart, a failover, a
 * full pool — rather than that a query was wrong: the request may simply be sent again in a
 * few seconds. Looks through wrapped causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown }
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true
    if (name === 'KnexTimeoutError') return true
    if (typeof message === 'string' && MESSAGES.test(message)) return true
  }
  return false
}
