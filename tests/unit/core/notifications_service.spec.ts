import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Notification from '#core/notifications/notification'
import { notify, UNREAD_COUNT_SQL, unreadCount } from '#core/notifications/notification_service'
import { createUser } from '#tests/helpers'

test.group('Notifications / notify()', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('links stay inside the site', async ({ assert }) => {
    const user = await createUser()
    for (const link of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/a b']) {
      await assert.rejects(() => notify(user.id, { kind: 'test.event', title: '标题', link }), /link must be a path of this site/)
    }
    const ok = await notify(user.id, { kind: 'test.event', title: '标题', link: '/consultations/42?tab=answers' })
    assert.equal(ok.link, '/consultations/42?tab=answers')
    assert.equal(await Notification.query().where('userId', user.id).count('* as n').then(([row]) => Number(row.$extras.n)), 1)
  })

  test('a notification written in the caller’s transaction rolls back with it', async ({ assert }) => {
    const user = await createUser()
    await db
      .transaction(async (trx) => {
        await notify(user.id, { kind: 'test.event', title: '不会留下' }, { client: trx })
        throw new Error('the change failed')
      })
      .catch(() => {})
    assert.equal(await unreadCount(user.id), 0)
  })

  test('an empty or over-long title is refused', async ({ assert }) => {
    const user = await createUser()
    await assert.rejects(() => notify(user.id, { kind: 'test.event', title: '' }), /title/)
    await assert.rejects(() => notify(user.id, { kind: 'test.event', title: '长'.repeat(101) }), /title/)
  })
})

test.group('Notifications / unread count', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('counts only the person’s unread notifications, and stops at 100', async ({ assert }) => {
    const user = await createUser()
    const other = await createUser()
    const rows = (userId: number, count: number, readAt: Date | null = null) =>
      Array.from({ length: count }, () => ({ user_id: userId, kind: 'test.bulk', title: '消息', read_at: readAt, created_at: new Date() }))
    await db.table('notifications').multiInsert([...rows(user.id, 7), ...rows(user.id, 4, new Date()), ...rows(other.id, 5)])
    assert.equal(await unreadCount(user.id), 7)

    await db.table('notifications').multiInsert(rows(user.id, 300))
    assert.equal(await unreadCount(user.id), 100)
  })

  test('the count reads the partial index of unread rows only', async ({ assert }) => {
    const user = await createUser()
    // With a handful of rows a sequential scan is cheapest; forbid it to see which index the planner picks.
    await db.rawQuery('SET LOCAL enable_seqscan = off')
    const plan = await db.rawQuery(`EXPLAIN ${UNREAD_COUNT_SQL}`, [user.id, 100])
    const text = plan.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')
    assert.include(text, 'notifications_user_unread')
    assert.notInclude(text, 'Seq Scan')
  })
})
