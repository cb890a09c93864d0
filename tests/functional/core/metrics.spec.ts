import { test } from '@japa/runner'
import { createServer, get } from 'node:http'
import type { AddressInfo } from 'node:net'
import { timingSafeEqual } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import { isScraperAllowed } from '#core/metrics/access'
import { registry } from '#core/metrics/metrics'
import { serveWorkerMetrics } from '#core/metrics/worker_server'
import { SmsService } from '#core/sms/sms_service'
import { SmsProviderError, type SmsDriver } from '#core/sms/sms_driver'
import { makeCase } from '#tests/fixtures/experts/consultations'

/** One sample's value from the Prometheus text, or undefined. */
function sample(text: string, name: string, labels: string) {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`))
  return line === undefined ? undefined : Number(line.split(' ').pop())
}

const refusingDriver: SmsDriver = {
  name: 'refusing',
  keepsBody: true,
  send: async () => {
    throw new SmsProviderError('InternalError.Timeout', true)
  },
}

test.group('Metrics / Prometheus', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('request latency by route pattern and status counts; an unknown path is one label, not one per path', async ({ client, assert }) => {
    await client.get('/health/live')
    await client.get('/regions/510100/counties')
    await client.get('/no/such/page/8271')
    const response = await client.get('/metrics')
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/plain')
    const text = response.text()
    assert.isAtLeast(sample(text, 'http_requests_total', 'method="GET",route="/health/live",status="200"')!, 1)
    assert.isAtLeast(sample(text, 'http_requests_total', 'method="GET",route="/regions/:cityCode/counties",status="200"')!, 1)
    assert.isAtLeast(sample(text, 'http_requests_total', 'method="GET",route="unmatched",status="404"')!, 1)
    assert.notInclude(text, '8271')
    assert.isAtLeast(sample(text, 'http_request_duration_seconds_count', 'method="GET",route="/health/live"')!, 1)
    assert.include(text, 'http_request_duration_seconds_bucket{le="0.005",method="GET",route="/health/live"}')
    assert.include(text, 'process_cpu_seconds_total')
  })

  test('overdue deadlines are read from the cases: one waiting for an expert past its hour', async ({ client, assert }) => {
    const before = sample((await client.get('/metrics')).text(), 'experts_deadlines_overdue', 'deadline="triage_1h"')!
    const waiting = await makeCase({ state: 'awaiting_triage' })
    waiting.merge({ triageDueAt: waiting.createdAt.minus({ hours: 2 }) })
    await waiting.save()
    const text = (await client.get('/metrics')).text()
    assert.equal(sample(text, 'experts_deadlines_overdue', 'deadline="triage_1h"'), before + 1)
    assert.isDefined(sample(text, 'experts_deadlines_overdue', 'deadline="response_3h"'))
    assert.isDefined(sample(text, 'experts_deadlines_overdue', 'deadline="followup_7d"'))
    assert.include(text, '# TYPE jobs_queue_depth gauge')
  })

  test('an SMS the provider did not take is counted', async ({ assert }) => {
    const count = async () => (await registry.getSingleMetric('sms_send_failures_total')!.get()).values.find((value) => value.labels.retryable === 'true')?.value ?? 0
    const before = await count()
    const service = new SmsService(refusingDriver)
    const message = await service.record('13811110002', 'verification_code', { code: '123456' })
    const outcome = await service.deliver(message.id)
    assert.equal(outcome.message.status, 'failed')
    assert.equal(await count(), before + 1)
  })

  test('only the scraper: a request that came through nginx (X-Forwarded-For) is 404; with METRICS_TOKEN only its bearer', async ({ client, assert }) => {
    ;(await client.get('/metrics').header('x-forwarded-for', '203.0.113.9')).assertStatus(404)
    const direct = { headers: {}, socket: { remoteAddress: '127.0.0.1' } } as any
    const remote = { headers: {}, socket: { remoteAddress: '10.0.0.5' } } as any
    assert.isTrue(isScraperAllowed(direct, undefined, timingSafeEqual))
    assert.isFalse(isScraperAllowed(remote, undefined, timingSafeEqual))
    assert.isTrue(isScraperAllowed({ ...remote, headers: { authorization: 'Bearer s3cret-token' } }, 's3cret-token', timingSafeEqual))
    assert.isFalse(isScraperAllowed({ ...remote, headers: { authorization: 'Bearer wrong-token!' } }, 's3cret-token', timingSafeEqual))
    assert.isFalse(isScraperAllowed(direct, 's3cret-token', timingSafeEqual))
  })

  test("the jobs worker's own metrics server answers /metrics on loopback and nothing else", async ({ assert }) => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as AddressInfo).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const server = await serveWorkerMetrics(port)
    try {
      const fetched = (path: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          get(`http://127.0.0.1:${port}${path}`, (response) => {
            let body = ''
            response.on('data', (chunk) => (body += chunk))
            response.on('end', () => resolve({ status: response.statusCode!, body }))
          }).on('error', reject)
        })
      const metrics = await fetched('/metrics')
      assert.equal(metrics.status, 200)
      assert.include(metrics.body, '# TYPE jobs_duration_seconds histogram')
      assert.include(metrics.body, '# TYPE jobs_wait_seconds histogram')
      assert.equal((await fetched('/')).status, 404)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
