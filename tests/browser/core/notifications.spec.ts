import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Notification from '#core/notifications/notification'
import { notify } from '#core/notifications/notification_service'
import { createUser } from '#tests/helpers'
import { newPhone } from '#tests/browser/phone'

/*
 * "消息" on a 360×640 phone: with JavaScript, marking read swaps the item in place
 * and the tab-bar badge follows (htmx out-of-band swap); without, the form posts and
 * the page comes back.
 */
test.group('Notifications in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function farmerWithNotifications() {
    const farmer = await createUser()
    const first = await notify(farmer.id, { kind: 'test.event', title: '专家已接单', link: '/profile' })
    await notify(farmer.id, { kind: 'test.event', title: '专家已回复', body: '请查看专家的解答' })
    return { farmer, first }
  }

  test('with JavaScript: mark one read in place, the badge counts down; then all', async ({ browserContext, visit, assert }) => {
    const { farmer, first } = await farmerWithNotifications()
    await browserContext.loginAs(farmer)
    const page = await visit('/notifications')
    await page.assertText('#unread-badge [aria-hidden]', '2')
    // Set on this document: it survives an htmx swap and disappears on a full reload.
    await page.evaluate(() => ((globalThis as any).samePage = true))

    await page.locator(`#notification-${first.id}`).getByRole('button', { name: '标为已读' }).click()
    await page.assertExists(`#notification-${first.id}.read`)
    await page.assertText('#unread-badge [aria-hidden]', '1')
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'no page reload')
    assert.isNotNull((await Notification.findOrFail(first.id)).readAt)

    await page.getByRole('button', { name: '全部标为已读' }).click()
    await page.assertNotExists('#notification-list li.unread')
    await page.assertNotVisible('#unread-badge')
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true))
  })

  test('without JavaScript: the form posts and the page comes back with the item read', async ({ browser, test: current }) => {
    const { farmer, first } = await farmerWithNotifications()
    const context = await newPhone(browser, current, { javaScript: false })
    await context.loginAs(farmer)
    const page = await context.visit('/notifications')

    await page.locator(`#notification-${first.id}`).getByRole('button', { name: '标为已读' }).click()
    await page.assertPath('/notifications')
    await page.assertExists(`#notification-${first.id}.read`)
    await page.assertText('#unread-badge [aria-hidden]', '1')
  })
})
