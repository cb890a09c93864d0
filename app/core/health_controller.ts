import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { checkReadiness } from '#core/health'

export default class HealthController {
  /** The database check, kept for monitors that already watch it; see `ready`. */
  async show({ response }: HttpContext) {
    try {
      await db.rawQuery('SELECT 1')
      return response.ok({ status: 'ok', database: 'ok' })
    } catch {
      return response.serviceUnavailable({ status: 'error', database: 'unreachable' })
    }
  }

  /**
   * Liveness: the process answers. Nothing else is checked, so a database outage never has
   * every instance restarted at once (systemd's watchdog, an orchestrator's liveness probe).
   */
  live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  /** Readiness: database and storage reachable; 503 with the reason otherwise (the load balancer's check). */
  async ready({ response }: HttpContext) {
    const { ready, checks, reasons } = await checkReadiness()
    if (ready) return response.ok({ status: 'ok', ...checks })
    return response.serviceUnavailable({ status: 'unavailable', ...checks, reasons })
  }
}
