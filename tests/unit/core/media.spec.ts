import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import sharp from 'sharp'
import exifReader from 'exif-reader'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Media from '#core/media/media'
import { MediaRejectedError, type RejectionReason } from '#core/media/errors'
import { deleteMedia, storePhoto, storeUpload, storeVideo, wasChosen, type StoreOptions } from '#core/media/media_service'
import { allowSubjectViewers, canView } from '#core/media/media_access'
import { parseRange } from '#core/media/range'
import { sniff } from '#core/media/sniff'
import { mediaDisk } from '#core/media/storage'
import { createUser } from '#tests/helpers'
import {
  GPS,
  HTML_AS_JPG,
  mp4Bytes,
  phonePhotoWithGps,
  pngBomb,
  smallPhoto,
  uploadFrom,
  webmBytes,
} from '#tests/fixtures/media/generate'

async function options(overrides: Partial<StoreOptions> = {}): Promise<StoreOptions> {
  return { owner: overrides.owner ?? (await createUser()), visibility: 'private', countyCode: '510104', ...overrides }
}

async function rejected(promise: Promise<unknown>): Promise<RejectionReason> {
  try {
    await promise
  } catch (error) {
    if (error instanceof MediaRejectedError) return error.reason
    throw error
  }
  throw new Error('the upload was accepted')
}

const countMedia = () => Media.query().count('* as n').firstOrFail().then((row) => Number(row.$extras.n))

const stored = (key: string) => mediaDisk().getBytes(key).then((bytes) => Buffer.from(bytes))

test.group('Media / recognised by content, never by name', () => {
  test('photo and video signatures', async ({ assert }) => {
    assert.deepEqual(sniff(await smallPhoto({ format: 'jpeg' })), { kind: 'photo', format: 'jpeg' })
    assert.deepEqual(sniff(await smallPhoto({ format: 'png' })), { kind: 'photo', format: 'png' })
    assert.deepEqual(sniff(await smallPhoto({ format: 'webp' })), { kind: 'photo', format: 'webp' })
    assert.deepEqual(sniff(await smallPhoto({ format: 'gif' })), { kind: 'photo', format: 'gif' })
    assert.deepEqual(sniff(mp4Bytes(100)), { kind: 'video', format: 'mp4' })
    assert.deepEqual(sniff(mp4Bytes(100, 'mp42')), { kind: 'video', format: 'mp4' })
    assert.deepEqual(sniff(webmBytes(100)), { kind: 'video', format: 'webm' })
  })

  test('look-alikes are nothing: HTML, an empty file, Matroska, QuickTime, HEIC', ({ assert }) => {
    assert.isNull(sniff(HTML_AS_JPG))
    assert.isNull(sniff(Buffer.alloc(0)))
    assert.isNull(sniff(webmBytes(100, 'matroska')))
    assert.isNull(sniff(mp4Bytes(100, 'qt  ')))
    assert.isNull(sniff(mp4Bytes(100, 'heic')))
  })
})

test.group('Media / range header', () => {
  const cases: [string | undefined, number, ReturnType<typeof parseRange>][] = [
    [undefined, 1000, null],
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=500-', 1000, { start: 500, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=-5000', 1000, { start: 0, end: 999 }],
    ['bytes=900-5000', 1000, { start: 900, end: 999 }],
    ['bytes=999-999', 1000, { start: 999, end: 999 }],
    ['bytes=1000-', 1000, 'unsatisfiable'],
    ['bytes=50-10', 1000, 'unsatisfiable'],
    ['bytes=-0', 1000, 'unsatisfiable'],
    ['bytes=abc', 1000, 'unsatisfiable'],
    ['bytes=-', 1000, 'unsatisfiable'],
    ['bytes=0-0', 0, 'unsatisfiable'],
    ['bytes=0-1,5-6', 1000, null],
    ['items=0-1', 1000, null],
  ]
  for (const [header, size, expected] of cases) {
    test(`${header ?? '(none)'} of ${size} bytes → ${JSON.stringify(expected)}`, ({ assert }) => {
      assert.deepEqual(parseRange(header, size), expected)
    })
  }
})

test.group('Media / photos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 4000×3000 phone photo with GPS becomes a ≤ 1280 px WebP ≤ 250 KB and a ≤ 320 px thumbnail ≤ 25 KB, without any metadata', async ({ assert }) => {
    const jpeg = await phonePhotoWithGps()
    const input = await sharp(jpeg).metadata()
    assert.equal(input.width, 4000)
    assert.equal(input.height, 3000)
    assert.isAbove(jpeg.length, 4 * 1024 * 1024, 'about 5 MB, like a phone photo')
    assert.equal(exifReader(input.exif!).GPSInfo?.GPSLatitudeRef, GPS.GPSLatitudeRef, 'the input really carries GPS')
    assert.deepEqual(exifReader(input.exif!).GPSInfo?.GPSLatitude, [30, 39, 12])

    const upload = await uploadFrom(jpeg, 'IMG_20260501.jpg')
    const media = await storePhoto(upload, await options())

    const large = await stored(media.storageKey)
    const thumb = await stored(media.thumbKey!)
    const largeMeta = await sharp(large).metadata()
    const thumbMeta = await sharp(thumb).metadata()
    assert.equal(largeMeta.format, 'webp')
    assert.equal(thumbMeta.format, 'webp')
    assert.deepEqual([largeMeta.width, largeMeta.height], [1280, 960])
    assert.isAtMost(Math.max(thumbMeta.width!, thumbMeta.height!), 320)
    assert.isAtMost(large.length, 250 * 1024)
    assert.isAtMost(thumb.length, 25 * 1024)
    for (const meta of [largeMeta, thumbMeta]) {
      assert.isUndefined(meta.exif)
      assert.isUndefined(meta.iptc)
      assert.isUndefined(meta.xmp)
      assert.isUndefined(meta.icc)
    }
    assert.notInclude(large.toString('latin1'), 'HUAWEI')
    assert.notInclude(large.toString('latin1'), 'Exif')

    assert.equal(media.size, large.length)
    assert.equal(media.thumbSize, thumb.length)
    assert.deepEqual([media.width, media.height], [1280, 960])
    assert.equal(media.contentType, 'image/webp')
    assert.match(media.publicId, /^[A-Za-z0-9_-]{22}$/)
    assert.notInclude(media.url('full'), media.storageKey)
    assert.isFalse(existsSync(upload.tmpPath), 'the original is not kept')
  })

  test('the EXIF orientation is applied: a sideways 400×200 photo is stored upright as 200×400', async ({ assert }) => {
    const input = await smallPhoto({ orientation: 6 })
    assert.equal((await sharp(input).metadata()).orientation, 6)
    const media = await storePhoto(await uploadFrom(input), await options())
    const meta = await sharp(await stored(media.storageKey)).metadata()
    assert.deepEqual([meta.width, meta.height], [200, 400])
    assert.isUndefined(meta.orientation)
  })

  test('a wide-gamut (Display P3) photo is converted to sRGB and its ICC profile dropped', async ({ assert }) => {
    const input = await smallPhoto({ icc: 'p3' })
    assert.isDefined((await sharp(input).metadata()).icc)
    const media = await storePhoto(await uploadFrom(input), await options())
    assert.isUndefined((await sharp(await stored(media.storageKey)).metadata()).icc)
  })

  test('PNG, WebP and GIF photos are accepted; small ones are not enlarged', async ({ assert }) => {
    for (const format of ['png', 'webp', 'gif'] as const) {
      const media = await storePhoto(await uploadFrom(await smallPhoto({ format, width: 300, height: 150 })), await options())
      const meta = await sharp(await stored(media.storageKey)).metadata()
      assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 300, 150], format)
    }
  })

  test('a 20000×20000 PNG (decompression bomb) is refused from its header in under a second', async ({ assert }) => {
    const bomb = pngBomb()
    assert.isBelow(bomb.length, 100 * 1024)
    const upload = await uploadFrom(bomb, 'big.png')
    const storeOptions = await options()
    const started = performance.now()
    const reason = await rejected(storePhoto(upload, storeOptions))
    const elapsed = performance.now() - started
    assert.equal(reason, 'photo_too_many_pixels')
    assert.isBelow(elapsed, 1000)
    assert.equal(await countMedia(), 0)
  })

  test('an HTML page named photo.jpg is not a photo', async ({ assert }) => {
    assert.equal(await rejected(storePhoto(await uploadFrom(HTML_AS_JPG, 'photo.jpg'), await options())), 'photo_type')
    assert.equal(await rejected(storeUpload(await uploadFrom(HTML_AS_JPG, 'photo.jpg'), await options())), 'not_media')
  })

  test('a JPEG signature followed by garbage is not a photo', async ({ assert }) => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML_AS_JPG])
    assert.equal(await rejected(storePhoto(await uploadFrom(fake, 'photo.jpg'), await options())), 'photo_type')
  })

  test('a photo over 15 MB is refused before it is decoded', async ({ assert }) => {
    const oversized = Buffer.concat([await smallPhoto(), Buffer.alloc(15 * 1024 * 1024)])
    assert.equal(await rejected(storePhoto(await uploadFrom(oversized, 'big.jpg'), await options())), 'photo_too_large')
  })

  test('an empty file input is no upload; a named file, even empty, is one (and is then refused)', ({ assert }) => {
    assert.isFalse(wasChosen(null))
    assert.isFalse(wasChosen({ size: 0, clientName: '' }))
    assert.isTrue(wasChosen({ size: 0, clientName: 'empty.jpg' }))
    assert.isTrue(wasChosen({ size: 1024 }))
  })

  test('no file at all', async ({ assert }) => {
    assert.equal(await rejected(storePhoto(null, await options())), 'missing')
  })

  test('deleting removes the row and both files', async ({ assert }) => {
    const media = await storePhoto(await uploadFrom(await smallPhoto()), await options())
    assert.isTrue(await mediaDisk().exists(media.storageKey))
    await deleteMedia(media)
    assert.isNull(await Media.find(media.id))
    assert.isFalse(await mediaDisk().exists(media.storageKey))
    assert.isFalse(await mediaDisk().exists(media.thumbKey!))
  })

  test('stored inside a transaction that rolls back: no row and no files; one that commits keeps both', async ({ assert }) => {
    const base = await options()
    let media: Media | undefined
    await db
      .transaction(async (trx) => {
        media = await storePhoto(await uploadFrom(await smallPhoto()), { ...base, client: trx })
        assert.isTrue(await mediaDisk().exists(media.storageKey))
        throw new Error('the answer was refused after its photo was stored')
      })
      .catch(() => {})
    assert.isNull(await Media.find(media!.id))
    assert.isFalse(await mediaDisk().exists(media!.storageKey))
    assert.isFalse(await mediaDisk().exists(media!.thumbKey!))

    const kept = await db.transaction(async (trx) => storePhoto(await uploadFrom(await smallPhoto()), { ...base, client: trx }))
    assert.isTrue(await mediaDisk().exists(kept.storageKey))
    assert.isTrue(await mediaDisk().exists(kept.thumbKey!))
  })
})

test.group('Media / videos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an MP4 and a WebM are stored as uploaded', async ({ assert }) => {
    const mp4 = mp4Bytes()
    const media = await storeVideo(await uploadFrom(mp4, 'VID.mp4'), await options())
    assert.equal(media.contentType, 'video/mp4')
    assert.equal(media.size, mp4.length)
    assert.notExists(media.thumbKey)
    assert.isTrue((await stored(media.storageKey)).equals(mp4))

    const webm = await storeUpload(await uploadFrom(webmBytes(), 'clip.bin'), await options())
    assert.equal(webm.kind, 'video')
    assert.equal(webm.contentType, 'video/webm')
  })

  test('Matroska, a photo or HTML are not videos', async ({ assert }) => {
    for (const bytes of [webmBytes(100, 'matroska'), await smallPhoto(), HTML_AS_JPG]) {
      assert.equal(await rejected(storeVideo(await uploadFrom(bytes, 'video.mp4'), await options())), 'video_type')
    }
  })

  test('a video over 50 MB is refused', async ({ assert }) => {
    const upload = await uploadFrom(mp4Bytes(50 * 1024 * 1024), 'long.mp4')
    assert.equal(await rejected(storeVideo(upload, await options())), 'video_too_large')
    assert.isFalse(existsSync(upload.tmpPath))
  })
})

test.group('Media / who may see a file', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('public media: everyone, signed in or not', async ({ assert }) => {
    const media = await storePhoto(await uploadFrom(await smallPhoto()), await options({ visibility: 'public', countyCode: '510129' }))
    assert.isTrue(await canView(null, media))
    assert.isTrue(await canView(await createUser({ county: '511623' }), media))
  })

  test('private media of 510129 attached to a record: the owner and staff whose scope holds 510129; nobody else', async ({ assert }) => {
    const owner = await createUser({ county: '510129' })
    const media = await storePhoto(await uploadFrom(await smallPhoto()), await options({ owner, countyCode: '510129', subject: { type: 'test_record', id: 1 } }))

    assert.isTrue(await canView(owner, media))
    assert.isTrue(await canView(await createUser({ roles: ['center_staff'], scopes: { center_staff: '510129' } }), media))
    assert.isTrue(await canView(await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } }), media))
    assert.isTrue(await canView(await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } }), media))

    assert.isFalse(await canView(null, media))
    assert.isFalse(await canView(await createUser({ county: '510129' }), media), 'a farmer of the same county')
    assert.isFalse(await canView(await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } }), media))
    assert.isFalse(await canView(await createUser({ roles: ['center_admin'], scopes: { center_admin: '5116' } }), media))
  })

  test('private media attached to nothing yet: the owner alone, not even staff of its county', async ({ assert }) => {
    const owner = await createUser({ county: '510129' })
    const media = await storePhoto(await uploadFrom(await smallPhoto()), await options({ owner, countyCode: '510129' }))
    assert.isTrue(await canView(owner, media))
    assert.isFalse(await canView(await createUser({ roles: ['center_staff'], scopes: { center_staff: '510129' } }), media))
    assert.isFalse(await canView(await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } }), media))
  })

  test('the module owning the record decides for everyone else (e.g. the assigned expert)', async ({ assert }) => {
    const expert = await createUser({ roles: ['expert'] })
    const stranger = await createUser({ roles: ['expert'] })
    allowSubjectViewers('test_case', async (user, subjectId) => subjectId === 7 && user.id === expert.id)
    const media = await storePhoto(await uploadFrom(await smallPhoto()), await options({ subject: { type: 'test_case', id: 7 } }))
    assert.isTrue(await canView(expert, media))
    assert.isFalse(await canView(stranger, media))
  })
})
