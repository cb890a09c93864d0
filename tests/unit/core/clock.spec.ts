import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { BEIJING, DAY, HOUR, beijingDate, beijingTime, clock, inBeijing, today, todayIso } from '#core/clock'

test.group('Clock / Beijing days on the platform clock', (group) => {
  group.each.teardown(() => clock.reset())

  test('today is the Beijing day, not the server’s: 23:30 UTC is already tomorrow in Sichuan', ({ assert }) => {
    const lateUtc = new Date('2026-05-04T23:30:00Z')
    assert.equal(today(lateUtc).toISO(), '2026-05-05T00:00:00.000+08:00')
    assert.equal(inBeijing(lateUtc).toFormat('yyyy-MM-dd HH:mm'), '2026-05-05 07:30')
    assert.equal(beijingTime(lateUtc), '2026-05-05 07:30')
    assert.equal(beijingTime(DateTime.fromJSDate(lateUtc), 'MM-dd HH:mm'), '05-05 07:30')
  })

  test('today follows the platform clock when a test moves it', ({ assert }) => {
    const before = todayIso()
    clock.travel(2 * DAY)
    assert.equal(todayIso(), DateTime.fromISO(before, { zone: BEIJING }).plus({ days: 2 }).toISODate())
    assert.equal(today().toISODate(), todayIso())
    assert.equal(today().zoneName, BEIJING)
    clock.travel(-2 * DAY + HOUR)
    assert.isAtMost(Math.abs(inBeijing().toMillis() - Date.now() - HOUR), 1000)
  })

  test('a typed day is Beijing midnight of that day; a day that does not exist is invalid', ({ assert }) => {
    assert.equal(beijingDate('2026-02-28').toISO(), '2026-02-28T00:00:00.000+08:00')
    assert.equal(beijingDate('2026-02-28').toJSDate().toISOString(), '2026-02-27T16:00:00.000Z')
    assert.isFalse(beijingDate('2026-02-30').isValid)
    assert.isFalse(beijingDate('28.02.2026').isValid)
  })
})
