import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Notification from '#core/notifications/notification'
import { notify } from '#core/notifications/notification_service'
import { assertRedirect, createUser, submitForm } from '#tests/helpers'
import type User from '#core/accounts/models/user'

/** Notifications for the person, oldest first (so the last one is the newest). */
async function notifyMany(user: User, titles: string[]) {
  const created = []
  for (const title of titles) created.push(await notify(user.id, { kind: 'test.event', title, body: `${title}的内容`, link: '/profile' }))
  return created
}

async function insertUnread(user: User, count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({ user_id: user.id, kind: 'test.bulk', title: `批量消息 ${i + 1}`, created_at: new Date() }))
  await db.table('notifications').multiInsert(rows)
}

/** The tab bar badge: its number, or null when hidden. */
function badge(html: string): string | null {
  const match = /<span id="unread-badge" class="badge"([^>]*)>\s*<span aria-hidden="true">([^<]*)<\/span>/.exec(html)
  if (!match) throw new Error('no unread badge in the page')
  return /\bhidden\b/.test(match[1]) ? null : match[2]
}

const itemCount = (html: string) => (html.match(/<li id="notification-\d+"/g) ?? []).length

test.group('Notifications / the list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a person sees their own notifications, newest first, and the unread count in the tab bar', async ({ client, assert }) => {
    const farmer = await createUser()
    const neighbour = await createUser()
    await notifyMany(farmer, ['专家已接单', '专家已回复', '请为本次服务评价'])
    await notifyMany(neighbour, ['别人的消息'])

    const response = await client.get('/notifications').loginAs(farmer)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html')
    assert.isBelow(html.indexOf('请为本次服务评价'), html.indexOf('专家已回复'))
    assert.isBelow(html.indexOf('专家已回复'), html.indexOf('专家已接单'))
    assert.include(html, '专家已回复的内容')
    assert.notInclude(html, '别人的消息')
    assert.equal(itemCount(html), 3)
    assert.equal(badge(html), '3')
    assert.include(html, '3 条未读')
    assert.include(html, '全部标为已读')
    assert.include(html, 'href="/profile"')
  })

  test('no notifications: an empty state, no badge, nothing to mark', async ({ client, assert }) => {
    const response = await client.get('/notifications').loginAs(await createUser())
    response.assertStatus(200)
    response.assertTextIncludes('暂无消息')
    assert.isNull(badge(response.text()))
    assert.notInclude(response.text(), '全部标为已读')
  })

  test('25 notifications: 20 on the first page, 5 on the second', async ({ client, assert }) => {
    const farmer = await createUser()
    await insertUnread(farmer, 25)
    const first = await client.get('/notifications').loginAs(farmer)
    assert.equal(itemCount(first.text()), 20)
    assert.include(first.text(), 'href="?page=2"')
    assert.include(first.text(), '批量消息 25')
    const second = await client.get('/notifications?page=2').loginAs(farmer)
    assert.equal(itemCount(second.text()), 5)
    assert.include(second.text(), '批量消息 1<')
  })

  test('htmx gets just the list', async ({ client, assert }) => {
    const farmer = await createUser()
    await notifyMany(farmer, ['专家已回复'])
    const response = await client.get('/notifications').header('HX-Request', 'true').loginAs(farmer)
    response.assertStatus(200)
    assert.include(response.header('vary'), 'HX-Request')
    assert.notInclude(response.text(), '<html')
    assert.match(response.text(), /^\s*(\{\{--.*--\}\})?\s*<div id="notification-list">/s)
    assert.include(response.text(), '专家已回复')
  })

  test('a guest is sent to the login page', async ({ client }) => {
    const response = await client.get('/notifications').redirects(0)
    assertRedirect(response, '/login')
  })

  test('the badge counts unread only and shows 99+ beyond 99', async ({ client, assert }) => {
    const farmer = await createUser()
    const [read] = await notifyMany(farmer, ['已读过的', '未读的'])
    read.readAt = read.createdAt
    await read.save()
    assert.equal(badge((await client.get('/').loginAs(farmer)).text()), '1', 'shown on every page')

    await insertUnread(farmer, 150)
    const home = await client.get('/').loginAs(farmer)
    assert.equal(badge(home.text()), '99+')
    assert.include(home.text(), '99+ 条未读')
  })
})

test.group('Notifications / marking read', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('without JavaScript: a form marks one read and returns to its page', async ({ client, assert }) => {
    const farmer = await createUser()
    const [first, second] = await notifyMany(farmer, ['第一条', '第二条'])
    const response = await submitForm(client, `/notifications/${first.id}/read`, { page: '2' }, farmer)
    assertRedirect(response, '/notifications?page=2')

    await first.refresh()
    await second.refresh()
    assert.isNotNull(first.readAt)
    assert.isNull(second.readAt)
    const page = await client.get('/notifications').loginAs(farmer)
    assert.equal(badge(page.text()), '1')
    assert.match(page.text(), new RegExp(`<li id="notification-${first.id}" class="read">`))
    assert.match(page.text(), new RegExp(`<li id="notification-${second.id}" class="unread">`))
  })

  test('marking twice keeps the first time it was read', async ({ client, assert }) => {
    const farmer = await createUser()
    const [notification] = await notifyMany(farmer, ['一条'])
    await submitForm(client, `/notifications/${notification.id}/read`, {}, farmer)
    const readAt = (await Notification.findOrFail(notification.id)).readAt!.toMillis()
    assertRedirect(await submitForm(client, `/notifications/${notification.id}/read`, {}, farmer), '/notifications')
    assert.equal((await Notification.findOrFail(notification.id)).readAt!.toMillis(), readAt)
  })

  test('with htmx: the item comes back read, with the new count out of band', async ({ client, assert }) => {
    const farmer = await createUser()
    const [first] = await notifyMany(farmer, ['第一条', '第二条', '第三条'])
    const response = await client.post(`/notifications/${first.id}/read`).header('HX-Request', 'true').withCsrfToken().form({ page: '1' }).loginAs(farmer)
    response.assertStatus(200)
    const html = response.text()
    assert.notInclude(html, '<html')
    assert.match(html, new RegExp(`<li id="notification-${first.id}" class="read">`))
    assert.notInclude(html, '标为已读')
    assert.match(html, /<span id="unread-badge" class="badge" hx-swap-oob="true">\s*<span aria-hidden="true">2<\/span>/)
  })

  test('another person’s notification is not found, with or without htmx, and stays unread', async ({ client, assert }) => {
    const farmer = await createUser()
    const neighbour = await createUser()
    const [theirs] = await notifyMany(neighbour, ['别人的消息'])

    ;(await submitForm(client, `/notifications/${theirs.id}/read`, {}, farmer)).assertStatus(404)
    const htmx = await client.post(`/notifications/${theirs.id}/read`).header('HX-Request', 'true').withCsrfToken().loginAs(farmer)
    htmx.assertStatus(404)
    assert.notInclude(htmx.text(), '别人的消息')
    assert.isNull((await Notification.findOrFail(theirs.id)).readAt)
  })

  test('without JavaScript: mark all read, only mine', async ({ client, assert }) => {
    const farmer = await createUser()
    const neighbour = await createUser()
    await notifyMany(farmer, ['第一条', '第二条'])
    const [theirs] = await notifyMany(neighbour, ['别人的消息'])

    const response = await submitForm(client, '/notifications/read-all', {}, farmer)
    assertRedirect(response, '/notifications')
    response.assertFlashMessage('success', '已全部标为已读')
    assert.equal(await Notification.query().where('userId', farmer.id).whereNull('readAt').count('* as n').then(([row]) => Number(row.$extras.n)), 0)
    assert.isNull((await Notification.findOrFail(theirs.id)).readAt)
  })

  test('with htmx: mark all read returns the list and hides the badge', async ({ client, assert }) => {
    const farmer = await createUser()
    await notifyMany(farmer, ['第一条', '第二条'])
    const response = await client.post('/notifications/read-all').header('HX-Request', 'true').withCsrfToken().loginAs(farmer)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<div id="notification-list">')
    assert.notInclude(html, '<html')
    assert.notInclude(html, 'class="unread"')
    assert.match(html, /<span id="unread-badge" class="badge" hidden hx-swap-oob="true">/)
  })

  test('a form without its CSRF token changes nothing', async ({ client, assert }) => {
    const farmer = await createUser()
    const [notification] = await notifyMany(farmer, ['一条'])
    const response = await client.post(`/notifications/${notification.id}/read`).header('accept', 'text/html').loginAs(farmer).redirects(0)
    response.assertStatus(419)
    assert.isNull((await Notification.findOrFail(notification.id)).readAt)
  })
})
