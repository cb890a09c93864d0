import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import sharp from 'sharp'
import type { Request } from 'playwright'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import { createUser } from '#tests/helpers'
import { mp4Bytes, phonePhotoWithGps } from '#tests/fixtures/media/generate'
import { newPhone } from '#tests/browser/phone'

/*
 * "我的图片" on a 360×640 phone: with JavaScript the browser shrinks the photo before
 * sending it and shows a progress bar; without JavaScript the form posts the original.
 */

/** The size of a request body as sent (Playwright does not hand over file uploads' bytes). */
async function bodyLength(request: Request) {
  return Number((await request.allHeaders())['content-length'])
}

test.group('Media / uploading from a phone', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('with JavaScript: the 5 MB photo leaves the phone as a ≈1600 px JPEG, with a progress bar, and appears in the list', async ({ visit, browserContext, assert }) => {
    const user = await createUser()
    await browserContext.loginAs(user)
    const page = await visit('/media')
    // What the progress bar showed, and the file the form held while it was being sent.
    // (Page-side code: our tsconfig has no DOM types, hence `globalThis as any`.)
    await page.evaluate(() => {
      const browser = globalThis as any
      browser.progressSeen = []
      browser.document.addEventListener('htmx:xhr:progress', () => {
        const bar = browser.document.querySelector('[data-media-progress]')
        browser.progressSeen.push({ hidden: bar.hidden, value: bar.value })
        browser.sentFile ??= browser.document.querySelector('#f-file').files[0]
      })
    })

    const original = await phonePhotoWithGps()
    await page.setInputFiles('#f-file', { name: 'IMG_20260501_093000.jpg', mimeType: 'image/jpeg', buffer: original })
    const posted = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/media'))
    await page.getByRole('button', { name: '上传' }).click()
    assert.isBelow(await bodyLength(await posted), original.length / 5)

    await page.locator('#media-list img').waitFor()
    const sent = await page.evaluate(async () => {
      const browser = globalThis as any
      const file = browser.sentFile
      const dataUrl: string = await new Promise((resolve) => {
        const reader = new browser.FileReader()
        reader.onload = () => resolve(reader.result)
        reader.readAsDataURL(file)
      })
      return { name: file.name as string, type: file.type as string, base64: dataUrl.split(',')[1] }
    })
    assert.equal(sent.type, 'image/jpeg')
    assert.equal(sent.name, 'IMG_20260501_093000.jpg')
    const meta = await sharp(Buffer.from(sent.base64, 'base64')).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1600, 1200])
    assert.isUndefined(meta.exif, 'the canvas copy carries no EXIF (no GPS) either')
    const progress = await page.evaluate(() => (globalThis as any).progressSeen)
    assert.isNotEmpty(progress)
    assert.isFalse(progress[0].hidden)
    await page.assertNotVisible('[data-media-progress]')
    assert.equal(await page.inputValue('#f-file'), '', 'the form is reset for the next photo')
    assert.equal(page.url().replace(/^https?:\/\/[^/]+/, ''), '/media', 'no page reload')

    const media = await Media.query().where('owner_id', user.id).firstOrFail()
    assert.deepEqual([media.width, media.height], [1280, 960])

    const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth)
    assert.isAtMost(scrollWidth, 360)
    await mkdir(app.tmpPath('screenshots'), { recursive: true })
    await page.screenshot({ path: app.tmpPath('screenshots/media.png'), fullPage: true })
  })

  test('with JavaScript: a fake photo gets the Chinese message beside the field', async ({ visit, browserContext }) => {
    await browserContext.loginAs(await createUser())
    const page = await visit('/media')
    await page.setInputFiles('#f-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') })
    await page.getByRole('button', { name: '上传' }).click()
    await page.assertTextContains('#f-file-status', '只能上传照片（JPG/PNG/WebP/GIF，不超过 15 MB）或视频')
    await page.assertTextContains('#media-list', '还没有上传过照片或视频')
  })

  test('with JavaScript: a 51 MB video is refused before a single byte is uploaded', async ({ visit, browserContext, assert, cleanup }) => {
    await browserContext.loginAs(await createUser())
    const page = await visit('/media')
    const posts: string[] = []
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()))
    // Playwright takes files over 50 MB only from disk.
    const path = join(tmpdir(), `VID_long_${process.pid}.mp4`)
    await writeFile(path, mp4Bytes(51 * 1024 * 1024))
    cleanup(() => rm(path))
    await page.setInputFiles('#f-file', path)
    await page.getByRole('button', { name: '上传' }).click()
    await page.assertTextContains('#f-file-status', '文件太大：照片不能超过 15 MB，视频不能超过 50 MB')
    assert.deepEqual(posts, [])
  })

  test('without JavaScript: the original is posted, the page reloads with the photo', async ({ browser, assert, test: current }) => {
    const user = await createUser()
    const context = await newPhone(browser, current, { javaScript: false })
    await context.loginAs(user)
    const page = await context.newPage()
    await page.goto('/media')
    const original = await phonePhotoWithGps()
    await page.setInputFiles('#f-file', { name: 'IMG_1.jpg', mimeType: 'image/jpeg', buffer: original })
    const posted = page.waitForRequest((request) => request.method() === 'POST')
    await page.getByRole('button', { name: '上传' }).click()
    assert.isAbove(await bodyLength(await posted), original.length)
    await page.waitForURL('**/media')
    await page.locator('.flash.success').waitFor()
    assert.equal(await page.locator('#media-list img').count(), 1)
  })
})
