import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Media from '#core/media/media'
import { FIELD, pruneIdempotentRequests } from '#core/http/idempotency'
import { assertRedirect, createUser, fieldErrors } from '#tests/helpers'
import { HTML_AS_JPG, smallPhoto } from '#tests/fixtures/media/generate'
import type User from '#core/accounts/models/user'

/** The 我的图片 upload as its form sends it, with the form's key. */
function upload(client: any, user: User, bytes: Buffer, key: string | null, htmx = false) {
  const request = client.post('/media').loginAs(user).withCsrfToken().file('file', bytes, { filename: 'IMG_0001.jpg' }).redirects(0)
  if (key) request.field(FIELD, key)
  return htmx ? request.header('HX-Request', 'true') : request.header('accept', 'text/html')
}

const keyOf = (html: string) => new RegExp(`name='${FIELD}' value='([A-Za-z0-9_-]{22})'`).exec(html)?.[1]
const owned = (user: User) => Media.query().where('owner_id', user.id).count('* as n').firstOrFail().then((row) => Number(row.$extras.n))

test.group('Idempotent form posts (issue 20 §3)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every form carries a fresh key beside its CSRF token', async ({ client, assert }) => {
    const user = await createUser()
    const first = keyOf((await client.get('/media').loginAs(user)).text())
    const second = keyOf((await client.get('/media').loginAs(user)).text())
    assert.isDefined(first)
    assert.isDefined(second)
    assert.notEqual(first, second)
  })

  test('a no-JS post sent twice with its key stores once; the second gets the same redirect', async ({ client, assert }) => {
    const user = await createUser()
    const photo = await smallPhoto()
    const key = keyOf((await client.get('/media').loginAs(user)).text())!
    const first = await upload(client, user, photo, key)
    assertRedirect(first, '/media')
    const again = await upload(client, user, photo, key)
    assertRedirect(again, '/media')
    again.assertHeader('idempotent-replayed', 'true')
    assert.equal(await owned(user), 1)
    // Another form (another key) is another upload.
    assertRedirect(await upload(client, user, photo, keyOf((await client.get('/media').loginAs(user)).text())!), '/media')
    assert.equal(await owned(user), 2)
  })

  test('three taps at once store once, and each tap gets the answer (htmx: the same fragment)', async ({ client, assert }) => {
    const user = await createUser()
    const photo = await smallPhoto()
    const key = 'tapTapTap0123456789_-x'
    const answers = await Promise.all([1, 2, 3].map(() => upload(client, user, photo, key, true)))
    assert.deepEqual(answers.map((answer) => answer.status()), [200, 200, 200])
    assert.equal(await owned(user), 1)
    assert.equal(new Set(answers.map((answer) => answer.text())).size, 1)
    assert.lengthOf(answers.filter((answer) => answer.header('idempotent-replayed') === 'true'), 2)
  })

  test('a refused post keeps nothing: the same form sent again with a right file is taken', async ({ client, assert }) => {
    const user = await createUser()
    const key = 'refusedThenFixed_01234'
    const refused = await upload(client, user, HTML_AS_JPG, key)
    assert.isNotEmpty(fieldErrors(refused, 'file'))
    assertRedirect(await upload(client, user, await smallPhoto(), key), '/media')
    assert.equal(await owned(user), 1)
  })

  test('without a key, or with one that is not ours, a post is just a post; keys are one person’s', async ({ client, assert }) => {
    const user = await createUser()
    const other = await createUser()
    const photo = await smallPhoto()
    assertRedirect(await upload(client, user, photo, null), '/media')
    assertRedirect(await upload(client, user, photo, null), '/media')
    assertRedirect(await upload(client, user, photo, 'not a key'), '/media')
    assert.equal(await owned(user), 3)
    const key = 'sharedKeyOfTwoPeople_1'
    assertRedirect(await upload(client, user, photo, key), '/media')
    assertRedirect(await upload(client, other, photo, key), '/media')
    assert.equal(await owned(other), 1)
  })

  test('an htmx post fired by one field as it changes is not a submission: never answered twice the same', async ({ client, assert }) => {
    const user = await createUser()
    const photo = await smallPhoto()
    const key = 'firedByAFieldChange_012'
    for (let i = 0; i < 2; i++) {
      const answer = await upload(client, user, photo, key, true).header('HX-Trigger-Name', 'file')
      answer.assertStatus(200)
      assert.isUndefined(answer.header('idempotent-replayed'))
    }
    assert.equal(await owned(user), 2)
  })

  test('keys older than a day are pruned', async ({ assert }) => {
    await db.table('core_idempotent_requests').insert([
      { key: 'a'.repeat(64), state: 'done', created_at: new Date(Date.now() - 25 * 3600_000) },
      { key: 'b'.repeat(64), state: 'done', created_at: new Date() },
    ])
    await pruneIdempotentRequests()
    const left = await db.from('core_idempotent_requests').whereIn('key', ['a'.repeat(64), 'b'.repeat(64)]).select('key')
    assert.deepEqual(left.map((row) => row.key), ['b'.repeat(64)])
  })
})
