import { test } from '@japa/runner'
import { Disk } from '@adonisjs/drive'
import { S3Driver } from '@adonisjs/drive/drivers/s3'
import { s3Options } from '#config/drive'
import { checkReadiness, PROBE_TIMEOUT_MS } from '#core/health'
import { useMediaDisk } from '#core/media/storage'
import { startS3rver } from '#tests/fixtures/media/s3rver'

const s3Disk = (settings: Parameters<typeof s3Options>[0]) => new Disk(new S3Driver(s3Options(settings)))

test.group('Health / liveness and readiness', (group) => {
  group.each.teardown(() => useMediaDisk(null))

  test('liveness answers without touching anything; readiness checks database and storage', async ({ client }) => {
    const live = await client.get('/health/live')
    live.assertStatus(200)
    live.assertBody({ status: 'ok' })
    const ready = await client.get('/health/ready')
    ready.assertStatus(200)
    ready.assertBody({ status: 'ok', database: 'ok', storage: 'ok' })
  })

  test('an S3 bucket that answers is ready; one that is down, or refuses our key, is a 503 with the reason', async ({ client }) => {
    const bucket = await startS3rver()
    try {
      useMediaDisk(s3Disk(bucket.settings))
      ;(await client.get('/health/ready')).assertBody({ status: 'ok', database: 'ok', storage: 'ok' })

      useMediaDisk(s3Disk({ ...bucket.settings, accessKeyId: 'AKIDWRONG' }))
      const refused = await client.get('/health/ready')
      refused.assertStatus(503)
      refused.assertBody({ status: 'unavailable', database: 'ok', storage: 'unreachable', reasons: { storage: 'HTTP 403' } })
    } finally {
      await bucket.close()
    }
    useMediaDisk(s3Disk(bucket.settings))
    const down = await client.get('/health/ready')
    down.assertStatus(503)
    down.assertBody({ status: 'unavailable', database: 'ok', storage: 'unreachable', reasons: { storage: 'ECONNREFUSED' } })
    ;(await client.get('/health/live')).assertStatus(200)
  })

  test('a probe that hangs counts as unreachable after the timeout, the others still answer', async ({ assert }) => {
    const started = Date.now()
    const result = await checkReadiness({ database: () => new Promise(() => {}), storage: async () => true })
    assert.deepEqual(result, { ready: false, checks: { database: 'unreachable', storage: 'ok' }, reasons: { database: 'TIMEOUT' } })
    assert.isAtLeast(Date.now() - started, PROBE_TIMEOUT_MS - 50)
    assert.isBelow(Date.now() - started, PROBE_TIMEOUT_MS + 1000)
  })
})
