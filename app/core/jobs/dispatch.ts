import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ensureQueue, outageLog, producerBoss, queueOptions, throughLucid } from '#core/jobs/boss'
import { jobDefinition } from '#core/jobs/registry'

export interface DispatchOptions {
  /** Seconds to wait before the job may run. */
  delay?: number
  /**
   * At most one job with this key waits, and one runs, at a time (per job name): a
   * second dispatch while one is waiting is dropped and returns null.
   */
  singletonKey?: string
  /** The caller's transaction: the job exists only if that transaction commits. */
  client?: QueryClientContract
}

/**
 * Queues a job for the worker; returns its id, or null when a job with the same
 * singletonKey is already waiting. The payload is stored as JSON: ids, not records.
 */
export async function dispatch<Payload extends object>(name: string, payload: Payload, options: DispatchOptions = {}) {
  const definition = jobDefinition(name)
  const boss = await producerBoss()
  await ensureQueue(boss, definition)
  const { policy, notify, ...jobOptions } = queueOptions(definition)
  const id = await boss.send(name, payload, {
    ...jobOptions,
    startAfter: options.delay,
    // A stately queue treats all keyless jobs as one key; a fresh key keeps them apart.
    singletonKey: options.singletonKey ?? randomUUID(),
    db: throughLucid(options.client ?? db.connection()),
  })
  // The database answered: an outage the web process saw is over.
  outageLog.recovered()
  return id
}
