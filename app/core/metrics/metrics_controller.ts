import { timingSafeEqual } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import { isScraperAllowed } from '#core/metrics/access'
import { registry } from '#core/metrics/metrics'

export default class MetricsController {
  /** Prometheus text format; for the scraper only (see isScraperAllowed), 404 to anyone else. */
  async show({ request, response }: HttpContext) {
    const token = env.get('METRICS_TOKEN')?.release()
    if (!isScraperAllowed(request.request, token, timingSafeEqual)) return response.notFound('')
    response.header('content-type', registry.contentType)
    return registry.metrics()
  }
}
