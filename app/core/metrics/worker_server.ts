import { createServer, type Server } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import env from '#start/env'
import { isScraperAllowed } from '#core/metrics/access'
import { registry } from '#core/metrics/metrics'

/** The jobs worker has no HTTP server of its own: this one answers GET /metrics, nothing else. */
export function serveWorkerMetrics(port: number): Promise<Server> {
  const token = env.get('METRICS_TOKEN')?.release()
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics' || !isScraperAllowed(request, token, timingSafeEqual)) {
      response.writeHead(404).end()
      return
    }
    const body = await registry.metrics()
    response.writeHead(200, { 'content-type': registry.contentType }).end(body)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}
