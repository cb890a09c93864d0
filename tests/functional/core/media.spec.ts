import { gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import sharp from 'sharp'
import exifReader from 'exif-reader'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import { storePhoto, storeVideo } from '#core/media/media_service'
import { mediaDisk } from '#core/media/storage'
import { asBytes, assertRedirect, createUser, fieldErrors } from '#tests/helpers'
import { HTML_AS_JPG, mp4Bytes, phonePhotoWithGps, smallPhoto, uploadFrom } from '#tests/fixtures/media/generate'
import type User from '#core/accounts/models/user'

/** The file upload the "我的图片" form sends without JavaScript. */
function upload(client: any, user: User, bytes: Buffer, filename: string, htmx = false) {
  const request = client.post('/media').loginAs(user).withCsrfToken().file('file', bytes, { filename }).redirects(0)
  return htmx ? request.header('HX-Request', 'true') : request.header('accept', 'text/html')
}

const countOwned = (user: User) => Media.query().where('owner_id', user.id).count('* as n').firstOrFail().then((row) => Number(row.$extras.n))

async function privatePhoto(owner: User, countyCode: string) {
  return storePhoto(await uploadFrom(await smallPhoto()), { owner, visibility: 'private', countyCode })
}

test.group('Media / 我的图片', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('needs a signed-in person', async ({ client }) => {
    assertRedirect(await client.get('/media').redirects(0), '/login')
  })

  test('the page: an upload form that works without JavaScript, and an empty state', async ({ client, assert }) => {
    const response = await client.get('/media').loginAs(await createUser())
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html')
    assert.include(html, '我的图片')
    assert.match(html, /<form method="POST" action="\/media" enctype="multipart\/form-data"/)
    assert.match(html, /<input id="f-file" name="file" type="file" accept="image\/\*,video\/mp4,video\/webm" data-media-upload/)
    assert.include(html, "name='_csrf'")
    assert.include(html, 'data-media-progress')
    assert.include(html, '还没有上传过照片或视频')
  })

  test('no-JS post of a 4000×3000 phone photo: redirect, the WebP is served without metadata, the list shows it', async ({ client, assert }) => {
    const user = await createUser({ county: '510129' })
    const jpeg = await phonePhotoWithGps()
    assert.isDefined(exifReader((await sharp(jpeg).metadata()).exif!).GPSInfo?.GPSLatitude)

    const response = await upload(client, user, jpeg, 'IMG_20260501_093000.jpg')
    assertRedirect(response, '/media')
    const media = await Media.query().where('owner_id', user.id).firstOrFail()
    assert.equal(media.kind, 'photo')
    assert.equal(media.visibility, 'private')
    assert.equal(media.countyCode, '510129')

    const page = await client.get('/media').loginAs(user)
    page.assertTextIncludes('已上传')
    page.assertTextIncludes(`src="/media/${media.publicId}/thumb"`)
    assert.notInclude(page.text(), media.storageKey)
    assert.notInclude(page.text(), '还没有上传过')

    const full = await asBytes(client.get(media.url('full')).loginAs(user))
    full.assertStatus(200)
    full.assertHeader('content-type', 'image/webp')
    const bytes = full.body() as unknown as Buffer
    assert.isAtMost(bytes.length, 250 * 1024)
    const meta = await sharp(bytes).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 1280, 960])
    assert.isUndefined(meta.exif)
    assert.isUndefined(meta.xmp)
    assert.isUndefined(meta.icc)

    const thumb = await asBytes(client.get(media.url('thumb')).loginAs(user))
    thumb.assertStatus(200)
    assert.isAtMost((thumb.body() as unknown as Buffer).length, 25 * 1024)
  })

  test('no-JS post of an HTML page named photo.jpg: the Chinese error next to the field, nothing stored', async ({ client, assert }) => {
    const user = await createUser()
    const response = await upload(client, user, HTML_AS_JPG, 'photo.jpg')
    response.assertStatus(302)
    assert.deepEqual(fieldErrors(response, 'file'), ['只能上传照片（JPG/PNG/WebP/GIF，不超过 15 MB）或视频（MP4/WebM，不超过 50 MB）'])
    assert.equal(await countOwned(user), 0)
  })

  test('no-JS post without a file asks for one', async ({ client, assert }) => {
    const user = await createUser()
    const response = await client.post('/media').loginAs(user).withCsrfToken().header('accept', 'text/html').field('x', '1').redirects(0)
    assert.deepEqual(fieldErrors(response, 'file'), ['请选择要上传的照片或视频'])
  })

  test('htmx post: the refreshed list comes back as a fragment', async ({ client, assert }) => {
    const user = await createUser()
    const response = await upload(client, user, await smallPhoto(), 'a.png', true)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    const media = await Media.query().where('owner_id', user.id).firstOrFail()
    assert.include(response.text(), `/media/${media.publicId}/thumb`)
  })

  test('htmx post of a fake photo: 422, the message retargeted to the field status', async ({ client, assert }) => {
    const user = await createUser()
    const response = await upload(client, user, HTML_AS_JPG, 'photo.jpg', true)
    response.assertStatus(422)
    response.assertHeader('hx-retarget', '#f-file-status')
    response.assertTextIncludes('只能上传照片')
    assert.notInclude(response.text(), '<html')
    assert.equal(await countOwned(user), 0)
  })

  test('the list is paginated, 12 a page, and htmx gets just the list', async ({ client, assert }) => {
    const user = await createUser()
    const other = await createUser()
    for (let i = 0; i < 13; i++) await privatePhoto(user, '510104')
    await privatePhoto(other, '510104')

    const first = await client.get('/media').loginAs(user).header('HX-Request', 'true')
    first.assertStatus(200)
    assert.notInclude(first.text(), '<html')
    assert.equal((first.text().match(/<img /g) ?? []).length, 12)
    assert.include(first.text(), '?page=2')

    // DESIGN §7: a later page is at most 15 KB of HTML (gzip), here with a full page of photos.
    const page = await client.get('/media').loginAs(user)
    assert.isBelow(gzipSync(page.text()).length, 15 * 1024)

    const second = await client.get('/media?page=2').loginAs(user).header('HX-Request', 'true')
    assert.equal((second.text().match(/<img /g) ?? []).length, 1)
    const othersPhoto = await Media.query().where('owner_id', other.id).firstOrFail()
    assert.notInclude(first.text() + second.text(), othersPhoto.publicId)
  })

  test('delete: a confirmation page, then the row and the files are gone', async ({ client, assert }) => {
    const user = await createUser()
    const media = await privatePhoto(user, '510104')

    const confirm = await client.get(`/media/${media.publicId}/delete`).loginAs(user)
    confirm.assertStatus(200)
    confirm.assertTextIncludes('确定删除这个文件吗')
    confirm.assertTextIncludes(`action="/media/${media.publicId}/delete"`)

    const response = await client.post(`/media/${media.publicId}/delete`).loginAs(user).withCsrfToken().header('accept', 'text/html').redirects(0)
    assertRedirect(response, '/media')
    assert.isNull(await Media.find(media.id))
    assert.isFalse(await mediaDisk().exists(media.storageKey))
    ;(await client.get(media.url('thumb')).loginAs(user)).assertStatus(404)
  })

  test("someone else cannot delete (404), even staff of the county, and the file stays", async ({ client, assert }) => {
    const media = await privatePhoto(await createUser({ county: '510104' }), '510104')
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    ;(await client.get(`/media/${media.publicId}/delete`).loginAs(staff)).assertStatus(404)
    const response = await client.post(`/media/${media.publicId}/delete`).loginAs(staff).withCsrfToken().header('accept', 'text/html').redirects(0)
    response.assertStatus(404)
    assert.isNotNull(await Media.find(media.id))
    assert.isTrue(await mediaDisk().exists(media.storageKey))
  })
})

test.group('Media / serving files', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a video uploaded over HTTP is served with ranges: 206 and exactly the requested bytes', async ({ client, assert }) => {
    const user = await createUser()
    const video = mp4Bytes(400_000)
    assertRedirect(await upload(client, user, video, 'VID_0001.mp4'), '/media')
    const media = await Media.query().where('owner_id', user.id).firstOrFail()
    assert.equal(media.kind, 'video')

    const part = await asBytes(client.get(media.url()).loginAs(user).header('range', 'bytes=1000-1999'))
    part.assertStatus(206)
    part.assertHeader('content-range', `bytes 1000-1999/${video.length}`)
    part.assertHeader('content-length', '1000')
    part.assertHeader('content-type', 'video/mp4')
    part.assertHeader('accept-ranges', 'bytes')
    assert.isTrue((part.body() as unknown as Buffer).equals(video.subarray(1000, 2000)))

    const tail = await asBytes(client.get(media.url()).loginAs(user).header('range', 'bytes=-500'))
    tail.assertStatus(206)
    tail.assertHeader('content-range', `bytes ${video.length - 500}-${video.length - 1}/${video.length}`)
    assert.isTrue((tail.body() as unknown as Buffer).equals(video.subarray(video.length - 500)))

    const open = await asBytes(client.get(media.url()).loginAs(user).header('range', `bytes=${video.length - 10}-`))
    assert.isTrue((open.body() as unknown as Buffer).equals(video.subarray(video.length - 10)))

    const whole = await asBytes(client.get(media.url()).loginAs(user))
    whole.assertStatus(200)
    whole.assertHeader('content-length', String(video.length))
    assert.isTrue((whole.body() as unknown as Buffer).equals(video))
  })

  test('a range past the end gets 416 with the size; a stale If-Range gets the whole file', async ({ client, assert }) => {
    const owner = await createUser()
    const video = mp4Bytes(5000)
    const media = await storeVideo(await uploadFrom(video, 'v.mp4'), { owner, visibility: 'public', countyCode: '510104' })

    const beyond = await client.get(media.url()).header('range', `bytes=${video.length}-`)
    beyond.assertStatus(416)
    beyond.assertHeader('content-range', `bytes */${video.length}`)
    ;(await client.get(media.url()).header('range', 'bytes=9-3')).assertStatus(416)

    const stale = await asBytes(client.get(media.url()).header('range', 'bytes=0-9').header('if-range', '"something-else"'))
    stale.assertStatus(200)
    assert.equal((stale.body() as unknown as Buffer).length, video.length)
  })

  test('public media: anyone, with a long immutable cache and a 304 on revalidation', async ({ client }) => {
    const media = await storePhoto(await uploadFrom(await smallPhoto()), { owner: await createUser(), visibility: 'public', countyCode: '510104' })
    const response = await client.get(media.url('thumb'))
    response.assertStatus(200)
    response.assertHeader('cache-control', 'public, max-age=31536000, immutable')
    const etag = response.header('etag')
    ;(await client.get(media.url('thumb')).header('if-none-match', etag!)).assertStatus(304)
  })

  test('a private file not yet attached to a record is its owner\'s alone: county staff and admins get 404 (security review, finding 7)', async ({ client }) => {
    const owner = await createUser({ county: '510129' })
    const media = await privatePhoto(owner, '510129')
    ;(await client.get(media.url('full')).loginAs(owner)).assertStatus(200)
    for (const user of [
      await createUser({ roles: ['center_staff'], scopes: { center_staff: '510129' } }),
      await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } }),
      await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } }),
    ]) {
      ;(await client.get(media.url('full')).loginAs(user)).assertStatus(404)
    }
  })

  test('private media attached to a record of 510129: owner, county staff, city admin 200; another county, a neighbour farmer and anonymous 404', async ({ client, assert }) => {
    const owner = await createUser({ county: '510129' })
    const media = await privatePhoto(owner, '510129')
    // Attached as a module attaches it (attachMedia), to a record no module claims: only the scope rule applies.
    await Media.query().where('id', media.id).update({ subject_type: 'tests.record', subject_id: 1 })
    const url = media.url('full')

    const allowed = [
      owner,
      await createUser({ roles: ['center_staff'], scopes: { center_staff: '510129' } }),
      await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } }),
    ]
    for (const user of allowed) {
      const response = await client.get(url).loginAs(user)
      response.assertStatus(200)
      response.assertHeader('cache-control', 'private, no-cache')
    }

    const refused = [
      await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } }),
      await createUser({ roles: ['center_admin'], scopes: { center_admin: '5116' } }),
      await createUser({ county: '510129' }),
    ]
    for (const user of refused) {
      const response = await client.get(url).loginAs(user)
      response.assertStatus(404)
      assert.notInclude(response.header('content-type') ?? '', 'image')
    }
    const anonymous = await client.get(url)
    anonymous.assertStatus(404)
    anonymous.assertTextIncludes('页面不存在')
  })

  test('unknown ids, a thumbnail of a video and storage paths are all 404', async ({ client }) => {
    const owner = await createUser()
    const video = await storeVideo(await uploadFrom(mp4Bytes(1000), 'v.mp4'), { owner, visibility: 'public', countyCode: '510104' })
    ;(await client.get('/media/AAAAAAAAAAAAAAAAAAAAAA/full')).assertStatus(404)
    ;(await client.get(video.url('thumb'))).assertStatus(404)
    ;(await client.get(`/media/${video.storageKey}`)).assertStatus(404)
    ;(await client.get(`/${video.storageKey}`)).assertStatus(404)
  })
})
