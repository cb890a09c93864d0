import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** The Lucid connection of the streaming replica (config/database.ts, DATABASE_REPLICA_URL). */
export const REPLICA = 'replica'

/** After a failure the replica is left alone this long; reads go to the primary meanwhile. */
export const REPLICA_RETRY_MS = 10_000

let downUntil = 0

/**
 * Errors that say the replica cannot answer at all (refused, reset, timed out, shutting
 * down, still starting up, or in recovery conflict), as opposed to a wrong query, which
 * would fail on the primary just the same and is thrown as it is.
 */
function unreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true
  // 57P01–57P03: admin/crash shutdown, cannot connect now; 40001 on a standby: a recovery conflict.
  if (code && ['57P01', '57P02', '57P03', '40001'].includes(code)) return true
  return /timeout|terminated|Connection terminated|acquiring a connection/i.test(message ?? '')
}

/**
 * Runs a read-only query that may be a moment stale (a public directory, statistics) on the
 * replica, or on the primary when there is none, while it is down (for REPLICA_RETRY_MS after
 * a failure), or when it fails to answer this time. Never for what a person has just written
 * and expects to see: the replica may be a little behind.
 */
export async function onReplica<T>(read: (client: QueryClientContract) => Promise<T>): Promise<T> {
  if (!db.manager.has(REPLICA) || Date.now() < downUntil) return read(db.connection())
  try {
    return await read(db.connection(REPLICA))
  } catch (error) {
    if (!unreachable(error)) throw error
    downUntil = Date.now() + REPLICA_RETRY_MS
    logger.warn({ err: error }, `database: the read replica does not answer; reads go to the primary for ${REPLICA_RETRY_MS / 1000} s`)
    return read(db.connection())
  }
}

/** Tests only: forget a failure, so the next read tries the replica again. */
export function resetReplicaState() {
  downUntil = 0
}
