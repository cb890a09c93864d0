import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AuditEntry from '#core/audit/audit_entry'
import Media from '#core/media/media'
import { storePhoto, storeVideo } from '#core/media/media_service'
import { collectOrphanedMedia } from '#core/media/orphans_job'
import { mediaDisk } from '#core/media/storage'
import { createUser } from '#tests/helpers'
import { mp4Bytes, smallPhoto, uploadFrom } from '#tests/fixtures/media/generate'
import type User from '#core/accounts/models/user'

async function photo(owner: User, extra: { kept?: boolean; subject?: { type: string; id: number } } = {}) {
  return storePhoto(await uploadFrom(await smallPhoto()), { owner, visibility: 'private', countyCode: null, ...extra })
}

async function age(media: Media, hours: number) {
  await db.from('media').where('id', media.id).update({ created_at: db.raw(`now() - interval '${hours} hours'`) })
}

async function filesExist(media: Media) {
  const disk = mediaDisk()
  return Promise.all([media.storageKey, media.thumbKey].filter((key): key is string => !!key).map((key) => disk.exists(key)))
}

test.group('Media / orphaned uploads', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unattached upload older than a day goes (row and every file); a fresh one, an attached one and one kept in 我的图片 stay', async ({ assert }) => {
    const owner = await createUser()
    const orphan = await photo(owner)
    const orphanVideo = await storeVideo(await uploadFrom(mp4Bytes(), 'clip.mp4'), { owner, visibility: 'private', countyCode: null })
    const fresh = await photo(owner)
    const attached = await photo(owner, { subject: { type: 'tests.record', id: 7 } })
    const kept = await photo(owner, { kept: true })
    for (const media of [orphan, orphanVideo, attached, kept]) await age(media, 25)
    await age(fresh, 23)
    assert.deepEqual(await filesExist(orphan), [true, true])

    const removed = await collectOrphanedMedia()

    assert.equal(removed, 2)
    assert.isNull(await Media.find(orphan.id))
    assert.isNull(await Media.find(orphanVideo.id))
    assert.deepEqual(await filesExist(orphan), [false, false])
    assert.deepEqual(await filesExist(orphanVideo), [false])
    for (const media of [fresh, attached, kept]) {
      assert.isNotNull(await Media.find(media.id), `media ${media.id}`)
      assert.deepEqual(await filesExist(media), [true, true])
    }
    const entry = await AuditEntry.query().where('action', 'media.orphans_removed').orderBy('id', 'desc').firstOrFail()
    assert.isNull(entry.actorId)
    assert.equal(entry.changes!.count.new, 2)

    // Nothing left to remove: no second audit row.
    assert.equal(await collectOrphanedMedia(), 0)
    assert.lengthOf(await AuditEntry.query().where('action', 'media.orphans_removed').where('id', '>', entry.id), 0)
  })

  test('an upload through 我的图片 is kept as the owner’s, and can still be attached to a record', async ({ client, assert }) => {
    const owner = await createUser()
    const response = await client
      .post('/media')
      .loginAs(owner)
      .withCsrfToken()
      .file('file', await smallPhoto(), { filename: 'mine.png' })
      .header('accept', 'text/html')
      .redirects(0)
    response.assertStatus(302)
    const mine = await Media.query().where('owner_id', owner.id).firstOrFail()
    assert.isNull(mine.subjectId)
    await age(mine, 48)
    await collectOrphanedMedia()
    assert.isNotNull(await Media.find(mine.id))

    const { attachMedia } = await import('#core/media/media_service')
    await db.transaction((trx) =>
      attachMedia(trx, { ids: [mine.id], ownerId: owner.id, subject: { type: 'tests.record', id: 9 }, countyCode: null, visibility: 'private' })
    )
    await mine.refresh()
    assert.equal(mine.subjectType, 'tests.record')
    assert.equal(mine.subjectId, 9)
  })
})
