import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { isDatabaseUnavailable } from '#core/database/unavailable'

/** The Lucid connection of the streaming replica (config/database.ts, DATABASE_REPLICA_URL). */
export const REPLICA = 'replica'

/** After a failure the replica is left alone this long; reads go to the primary meanwhile. */
export const REPLICA_RETRY_MS = 10_000

let downUntil = 0

/** The replica cannot answer at all (isDatabaseUnavailable), or cancelled our read in a recovery conflict (40001). */
function unreachable(error: unknown): boolean {
  return isDatabaseUnavailable(error) || (error as { code?: unknown })?.code === '40001'
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
