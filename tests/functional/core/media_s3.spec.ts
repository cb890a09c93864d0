import { test } from '@japa/runner'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import { Disk } from '@adonisjs/drive'
import { S3Client, ListObjectsV2Command, GetObjectCommand } from '@aws-sdk/client-s3'
import { S3Driver } from '@adonisjs/drive/drivers/s3'
import { FSDriver } from '@adonisjs/drive/drivers/fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { storePhoto } from '#core/media/media_service'
import { s3Options } from '#config/drive'
import Media from '#core/media/media'
import { useMediaDisk } from '#core/media/storage'
import { asBytes, assertRedirect, createUser } from '#tests/helpers'
import { mp4Bytes, phonePhotoWithGps, smallPhoto, uploadFrom } from '#tests/fixtures/media/generate'
import { startS3rver } from '#tests/fixtures/media/s3rver'
import type User from '#core/accounts/models/user'

let bucket: Awaited<ReturnType<typeof startS3rver>>
let s3: S3Client

/** What the bucket holds, read with a client of its own (not through Drive). */
async function keysInBucket() {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket.settings.bucket }))
  return (listed.Contents ?? []).map((object) => object.Key!).sort()
}

async function objectBytes(key: string) {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket.settings.bucket, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

function upload(client: any, user: User, bytes: Buffer, filename: string) {
  return client.post('/media').loginAs(user).withCsrfToken().file('file', bytes, { filename }).header('accept', 'text/html').redirects(0)
}

/**
 * DRIVE_DISK=s3: the media flow on Drive's S3 disk, with config/drive.ts's options (s3Options),
 * against a real S3 endpoint on loopback (s3rver, signatures checked).
 */
test.group('Media / on an S3-compatible bucket (DRIVE_DISK=s3)', (group) => {
  group.setup(async () => {
    bucket = await startS3rver()
    const { endpoint, region, accessKeyId, secretAccessKey } = bucket.settings
    s3 = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } })
    useMediaDisk(new Disk(new S3Driver(s3Options(bucket.settings))))
    return async () => {
      useMediaDisk(null)
      s3.destroy()
      await bucket.close()
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a photo posted without JavaScript is stored in the bucket (not on local disk) and served back from it', async ({ client, assert }) => {
    const user = await createUser({ county: '510129' })
    assertRedirect(await upload(client, user, await phonePhotoWithGps(), 'IMG_0001.jpg'), '/media')
    const media = await Media.query().where('owner_id', user.id).firstOrFail()

    assert.deepEqual(await keysInBucket(), [media.storageKey, media.thumbKey!].sort())
    assert.isFalse(await drive.use('local').exists(media.storageKey))

    const full = await asBytes(client.get(media.url('full')).loginAs(user))
    full.assertStatus(200)
    full.assertHeader('content-type', 'image/webp')
    const served = full.body() as unknown as Buffer
    assert.isTrue(served.equals(await objectBytes(media.storageKey)))
    const meta = await sharp(served).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 1280, 960])
    assert.isUndefined(meta.exif)

    const thumb = await asBytes(client.get(media.url('thumb')).loginAs(user))
    thumb.assertStatus(200)
    assert.isTrue((thumb.body() as unknown as Buffer).equals(await objectBytes(media.thumbKey!)))
  })

  test('a video is streamed into the bucket whole and read back by ranges (206)', async ({ client, assert }) => {
    const user = await createUser()
    const video = mp4Bytes(400_000)
    assertRedirect(await upload(client, user, video, 'VID_0001.mp4'), '/media')
    const media = await Media.query().where('owner_id', user.id).firstOrFail()
    assert.isTrue((await objectBytes(media.storageKey)).equals(video))

    const part = await asBytes(client.get(media.url()).loginAs(user).header('range', 'bytes=1000-1999'))
    part.assertStatus(206)
    part.assertHeader('content-range', `bytes 1000-1999/${video.length}`)
    assert.isTrue((part.body() as unknown as Buffer).equals(video.subarray(1000, 2000)))
    const whole = await asBytes(client.get(media.url()).loginAs(user))
    assert.isTrue((whole.body() as unknown as Buffer).equals(video))
  })

  test('deleting a photo removes both objects from the bucket', async ({ client, assert }) => {
    const user = await createUser()
    assertRedirect(await upload(client, user, await phonePhotoWithGps(), 'IMG_0002.jpg'), '/media')
    const media = await Media.query().where('owner_id', user.id).firstOrFail()
    assert.includeMembers(await keysInBucket(), [media.storageKey, media.thumbKey!])

    const response = await client.post(`/media/${media.publicId}/delete`).loginAs(user).withCsrfToken().header('accept', 'text/html').redirects(0)
    assertRedirect(response, '/media')
    assert.notIncludeMembers(await keysInBucket(), [media.storageKey])
    assert.notIncludeMembers(await keysInBucket(), [media.thumbKey!])
    ;(await client.get(media.url('thumb')).loginAs(user)).assertStatus(404)
  })
})

test.group('Media / when the storage fails', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => useMediaDisk(null))

  test('the bucket down: the upload gets the Chinese 请稍后重试 page (503) and no row; once it is back the same upload is stored', async ({ client, assert }) => {
    const outage = await startS3rver()
    try {
      useMediaDisk(new Disk(new S3Driver(s3Options(outage.settings))))
      const user = await createUser()
      const photo = await smallPhoto()
      await outage.pause()
      const refused = await upload(client, user, photo, 'IMG_0003.jpg')
      refused.assertStatus(503)
      refused.assertHeader('retry-after', '5')
      refused.assertTextIncludes('请稍后重试')
      assert.notInclude(refused.text(), 'ECONNREFUSED')
      assert.isNull(await Media.query().where('owner_id', user.id).first())

      await outage.resume()
      assertRedirect(await upload(client, user, photo, 'IMG_0003.jpg'), '/media')
      const media = await Media.query().where('owner_id', user.id).firstOrFail()
      assert.isTrue(await new Disk(new S3Driver(s3Options(outage.settings))).exists(media.thumbKey!))
    } finally {
      await outage.close()
    }
  })

  test('a photo whose second file fails to store leaves neither file behind', async ({ assert }) => {
    const root = await mkdtemp(join(tmpdir(), 'rural-tech-half-'))
    /** A disk that takes the large image and fails on the thumbnail, as a storage going away between the two. */
    class FailingThumbnails extends FSDriver {
      async put(key: string, contents: string | Uint8Array, options?: any) {
        if (key.endsWith('.thumb.webp')) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
        return super.put(key, contents, options)
      }
    }
    try {
      useMediaDisk(new Disk(new FailingThumbnails({ location: root, visibility: 'private' })))
      const user = await createUser()
      const file = await uploadFrom(await smallPhoto())
      await assert.rejects(() => storePhoto(file, { owner: user, visibility: 'private', countyCode: null }))
      assert.deepEqual(await readdir(root, { recursive: true }).then((entries) => entries.filter((entry) => entry.endsWith('.webp'))), [])
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})

