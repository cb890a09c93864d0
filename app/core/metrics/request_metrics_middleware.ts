import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { httpDuration, httpRequests } from '#core/metrics/metrics'

/**
 * Server middleware, first of all: times every request and counts its status by route
 * pattern (`/experts/:id`, never the id itself: the labels stay few), and in production
 * writes one JSON access line per request with the request id nginx gave it.
 */
export default class RequestMetricsMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const started = process.hrtime.bigint()
    // `close`, not `finish`: a request whose client went away is counted too.
    ctx.response.response.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const method = ctx.request.method()
      const route = ctx.route?.pattern ?? (ctx.request.url().startsWith('/assets/') ? '/assets/*' : 'unmatched')
      const status = ctx.response.response.statusCode
      httpDuration.observe({ method, route }, seconds)
      httpRequests.inc({ method, route, status: String(status) })
      if (app.inProduction) ctx.logger.info({ method, url: ctx.request.url(), route, status, ms: Math.round(seconds * 1000) }, 'request')
    })
    return next()
  }
}
