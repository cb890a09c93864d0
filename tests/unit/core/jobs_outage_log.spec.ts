import { test } from '@japa/runner'
import { OutageLog } from '#core/jobs/outage_log'

function recorder() {
  const lines: { level: string; object: any; message: string }[] = []
  return {
    lines,
    error: (object: object, message: string) => lines.push({ level: 'error', object, message }),
    info: (object: object, message: string) => lines.push({ level: 'info', object, message }),
  }
}

test.group('Jobs / outage log', () => {
  test('a 40 s outage with 13 errors a second: one line on entry, one on recovery with duration and count', ({ assert }) => {
    const logger = recorder()
    let now = 1_000_000
    const log = new OutageLog(logger, () => now)
    log.recovered() // nothing open: nothing said
    assert.lengthOf(logger.lines, 0)

    for (let i = 0; i < 40 * 13; i++) {
      log.error(new Error('connect ECONNREFUSED 127.0.0.1:5432'), 'pg-boss')
      now += 1000 / 13
    }
    assert.lengthOf(logger.lines, 1)
    assert.equal(logger.lines[0].level, 'error')
    assert.include(logger.lines[0].message, 'database unreachable')
    assert.isTrue(log.inOutage)

    log.recovered()
    log.recovered()
    assert.lengthOf(logger.lines, 2)
    assert.equal(logger.lines[1].level, 'info')
    assert.deepEqual(logger.lines[1].object, { outageSeconds: 40, errors: 520 })
    assert.include(logger.lines[1].message, 'after 40 s (520 errors)')
    assert.equal(log.errors, 520)
    assert.isFalse(log.inOutage)

    // A second outage is reported again.
    log.error(new Error('terminating connection due to administrator command'), 'schedules')
    assert.lengthOf(logger.lines, 3)
    assert.equal(log.errors, 521)
  })
})
