import { test } from '@japa/runner'
import type { Readable } from 'node:stream'
import { Disk } from '@adonisjs/drive'
import { S3Driver } from '@adonisjs/drive/drivers/s3'
import { readStored } from '#core/media/storage'
import { mp4Bytes, uploadFrom } from '#tests/fixtures/media/generate'
import { FakeS3 } from '#tests/fixtures/media/fake_s3_server'

const BUCKET = 'rural-media'
const KEY_ID = 'AKIDMEDIATEST'

let fake: FakeS3

/** The S3 disk as config/drive.ts builds it for DRIVE_DISK=s3, pointed at the local fake. */
function s3Disk(accessKeyId = KEY_ID) {
  return new Disk(
    new S3Driver({
      credentials: { accessKeyId, secretAccessKey: 'media-test-secret' },
      region: 'auto',
      bucket: BUCKET,
      endpoint: fake.endpoint,
      forcePathStyle: true,
      supportsACL: false,
      visibility: 'private',
    })
  )
}

async function bytesOf(stream: Readable) {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
}

test.group('Media / S3-compatible disk (DRIVE_DISK=s3)', (group) => {
  group.setup(async () => {
    fake = await FakeS3.start(BUCKET, KEY_ID)
    return () => fake.close()
  })
  group.each.setup(() => {
    fake.objects.clear()
    fake.requests.length = 0
  })

  test('a photo (bytes) and a video (streamed from the upload) land in the bucket with their types', async ({ assert }) => {
    const disk = s3Disk()
    const webp = Buffer.from('RIFF....WEBPVP8 fake')
    await disk.put('photos/ab/one.webp', webp, { contentType: 'image/webp' })
    const video = mp4Bytes(200_000)
    const upload = await uploadFrom(video, 'clip.mp4')
    await disk.moveFromFs(upload.tmpPath, 'videos/ab/one.mp4', { contentType: 'video/mp4' })

    assert.deepEqual(fake.objects.get('photos/ab/one.webp'), { body: webp, contentType: 'image/webp' })
    assert.isTrue(fake.objects.get('videos/ab/one.mp4')!.body.equals(video))
    assert.equal(fake.objects.get('videos/ab/one.mp4')!.contentType, 'video/mp4')
  })

  test('a range is read with a ranged GET: only the requested bytes cross the network', async ({ assert }) => {
    const disk = s3Disk()
    const video = mp4Bytes(300_000)
    await disk.put('videos/cd/two.mp4', video, { contentType: 'video/mp4' })
    fake.requests.length = 0

    const part = await bytesOf(await readStored('videos/cd/two.mp4', { start: 1000, end: 1999 }, disk))
    assert.isTrue(part.equals(video.subarray(1000, 2000)))
    assert.deepEqual(fake.requests, [{ method: 'GET', key: 'videos/cd/two.mp4', range: 'bytes=1000-1999' }])

    const whole = await bytesOf(await readStored('videos/cd/two.mp4', null, disk))
    assert.isTrue(whole.equals(video))
  })

  test('deleting removes the object; a wrong key is refused by the bucket', async ({ assert }) => {
    const disk = s3Disk()
    await disk.put('photos/ef/three.webp', Buffer.from('x'), { contentType: 'image/webp' })
    await disk.delete('photos/ef/three.webp')
    assert.isFalse(fake.objects.has('photos/ef/three.webp'))

    const error = await s3Disk('AKIDWRONG').put('photos/ef/four.webp', Buffer.from('x')).catch((caught) => caught)
    assert.instanceOf(error, Error)
    assert.include(String(error.cause ?? error), 'InvalidAccessKeyId')
    assert.isFalse(fake.objects.has('photos/ef/four.webp'))
  })
})

