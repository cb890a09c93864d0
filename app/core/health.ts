import db from '@adonisjs/lucid/services/db'
import { mediaDisk } from '#core/media/storage'

/** How long a probe may take before its dependency counts as unreachable. */
export const PROBE_TIMEOUT_MS = 2000

export type Probe = () => Promise<unknown>

export interface Readiness {
  ready: boolean
  checks: Record<string, 'ok' | 'unreachable'>
  /** Why each failed probe failed: an error code or name, never a message with a host or key in it. */
  reasons: Record<string, string>
}

/**
 * What an instance needs to serve requests: its database (the primary, where every write
 * goes) and the file storage. Reading a key that does not exist answers on both disks —
 * false on the local one, a 404 from an S3 bucket — and fails only when the storage does
 * not answer or refuses our key. The read replica is not a dependency: reads fall back to
 * the primary (config/database.ts).
 */
export const readinessProbes: Record<string, Probe> = {
  database: () => db.rawQuery('SELECT 1'),
  storage: () => mediaDisk().exists('health/ready-probe'),
}

export async function checkReadiness(probes: Record<string, Probe> = readinessProbes): Promise<Readiness> {
  const result: Readiness = { ready: true, checks: {}, reasons: {} }
  await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      try {
        await withTimeout(probe(), PROBE_TIMEOUT_MS)
        result.checks[name] = 'ok'
      } catch (error) {
        result.ready = false
        result.checks[name] = 'unreachable'
        result.reasons[name] = reasonOf(error)
      }
    })
  )
  return result
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('probe timed out'), { code: 'TIMEOUT' })), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

function reasonOf(error: unknown): string {
  // Drive wraps the cause (E_CANNOT_CHECK_FILE_EXISTENCE around the SDK's or the network's error).
  let current = error
  while (current instanceof Error && current.cause instanceof Error) current = current.cause
  if (!(current instanceof Error)) return 'Error'
  const { code, $metadata } = current as { code?: unknown; $metadata?: { httpStatusCode?: number } }
  if (typeof code === 'string') return code
  // An S3 answer to HEAD has no body to name the error: its status says it (403: our key is refused).
  if ($metadata?.httpStatusCode && current.name === 'Unknown') return `HTTP ${$metadata.httpStatusCode}`
  return current.name
}
