import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import { createUser } from '#tests/helpers'
import { smallPhoto } from '#tests/fixtures/media/generate'

/*
 * Idempotent posts on a 360×640 phone with JavaScript (app/core/http/idempotency.ts): the
 * 我的图片 form stays on the page after an htmx upload, and its next upload is a new one —
 * the page gives the form a fresh key after each post.
 */
test.group('Idempotent posts / a form that stays on the page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('two photos uploaded one after the other from the same form are two photos', async ({ visit, browserContext, assert }) => {
    const user = await createUser()
    await browserContext.loginAs(user)
    const page = await visit('/media')
    const keyBefore = await page.inputValue("#media-upload input[name='_idem'], form[action='/media'] input[name='_idem']")

    for (const [index, name] of ['IMG_0001.jpg', 'IMG_0002.jpg'].entries()) {
      await page.setInputFiles('#f-file', { name, mimeType: 'image/jpeg', buffer: await smallPhoto({ width: 400 + index }) })
      await page.getByRole('button', { name: '上传' }).click()
      await page.locator('#media-list img').nth(index).waitFor()
    }
    assert.equal(await Media.query().where('owner_id', user.id).count('* as n').firstOrFail().then((row) => Number(row.$extras.n)), 2)
    const keyAfter = await page.inputValue("form[action='/media'] input[name='_idem']")
    assert.notEqual(keyAfter, keyBefore)
    assert.match(keyAfter, /^[A-Za-z0-9_-]{22}$/)
  })
})
