import { mkdir } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import Consultation from '#modules/experts/models/consultation'
import { phonePhotoWithGps, smallPhoto } from '#tests/fixtures/media/generate'
import { farmer, importSolvedCases, infoOfficer, RICE_BLAST } from '#tests/fixtures/experts/consultations'
import { newPhone } from '#tests/browser/phone'

/*
 * 报需求 on a 360×640 phone: an 信息员 reports a farmer's problem with a photo, sees
 * similar solved cases while typing and again after submitting; a connection lost on
 * submit loses nothing (the browser's draft comes back, with the same idempotency key).
 * Solved cases come from cases:import (importCases) of the labelled fixture.
 */

/** The draft app.js keeps for this form, read from the page's localStorage. */
function storedDraft(page: any, userId: number) {
  return page.evaluate((key: string) => (globalThis as any).localStorage.getItem(key), `draft:consultation:${userId}`)
}

test.group('报需求 / on a phone', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an 信息员 reports a problem with a photo and sees similar cases while typing and after submitting', async ({ visit, browserContext, assert }) => {
    await importSolvedCases()
    const officer = await infoOfficer('510129')
    await browserContext.loginAs(officer)
    const page = await visit('/consultations/new')

    await page.getByLabel('农户姓名').fill('王大田')
    await page.getByLabel('农户手机号').fill('13812349999')
    // Typed the way a phone keyboard sends it: input events, then the pause.
    await page.getByLabel('问题描述').pressSequentially(RICE_BLAST.slice(0, 30), { delay: 20 })
    await page.locator('#similar-cases li').first().waitFor()
    // Once warm, the first results come within 300 ms of the pause (250 ms debounce + the answer).
    await page.getByLabel('问题描述').fill('')
    await page.locator('#similar-cases li').first().waitFor({ state: 'detached' })
    await page.getByLabel('问题描述').pressSequentially(RICE_BLAST.slice(0, 30), { delay: 20 })
    const typedAt = Date.now()
    await page.locator('#similar-cases li').first().waitFor()
    console.log(`找类似: first results ${Date.now() - typedAt} ms after the last keystroke`)
    // Right under the description: visible where the eye is, without scrolling.
    const first = (await page.locator('#similar-cases li').first().boundingBox())!
    assert.isAtLeast(first.y, 0)
    assert.isBelow(first.y + 40, 640, 'the first similar case shows in the 640 px viewport while typing')
    assert.isAtMost(await page.locator('#similar-cases li').count(), 5)
    assert.equal(await page.locator('#f-industry').inputValue(), 'grain_oil', 'the suggested industry is selected')
    await page.assertTextContains('#industry-suggestion', '川粮油')
    await page.getByLabel('问题描述').fill(RICE_BLAST)

    await page.setInputFiles('#f-photos', { name: 'IMG_20260501_093000.jpg', mimeType: 'image/jpeg', buffer: await phonePhotoWithGps() })
    await page.getByRole('button', { name: '提交需求' }).click()
    await page.waitForURL(/\/consultations\/\d+$/)

    const consultation = await Consultation.query().where('reporter_id', officer.id).firstOrFail()
    await page.assertPath(`/consultations/${consultation.id}`)
    await page.assertTextContains('main', '需求已提交')
    await page.assertTextContains('main', '下一步：先看看类似的已解决案例')
    assert.isAtLeast(await page.getByRole('button', { name: '这个解决了我的问题' }).count(), 1)
    await page.getByRole('button', { name: '没有解决，请专家解答' }).waitFor()
    const photo = await Media.query().where('subject_id', consultation.id).firstOrFail()
    assert.deepEqual([photo.width, photo.height], [1280, 960])
    await page.locator(`img[src="/media/${photo.publicId}/thumb"]`).waitFor()
    assert.isNull(await storedDraft(page, officer.id), 'the draft is cleared once its case exists')

    const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth)
    assert.isAtMost(scrollWidth, 360)
    await mkdir(app.tmpPath('screenshots'), { recursive: true })
    await page.screenshot({ path: app.tmpPath('screenshots/consultation.png'), fullPage: true })

    // One of them solves it.
    await page.getByRole('button', { name: '这个解决了我的问题' }).first().click()
    await page.assertTextContains('main', '已通过类似案例解决')
    await consultation.refresh()
    assert.equal(consultation.state, 'resolved_by_similar')
  })

  test('the connection drops on submit: on return the draft is restored with the same key, and one case is made', async ({ visit, browserContext, assert }) => {
    const officer = await infoOfficer('510129')
    await browserContext.loginAs(officer)
    const page = await visit('/consultations/new')
    const key = await page.locator('input[name=idempotency_key]').inputValue()
    await page.getByLabel('农户姓名').fill('王大田')
    await page.getByLabel('农户手机号').fill('13812348888')
    await page.getByLabel('问题描述').fill(RICE_BLAST)
    await page.locator('#f-industry').selectOption('vegetable')

    await browserContext.setOffline(true)
    await page.getByRole('button', { name: '提交需求' }).click()
    // Sent by script: the form stays as it was, and says what happened.
    await page.locator('[data-upload-failed]').waitFor()
    await page.assertTextContains('[data-upload-failed]', '没有提交成功')
    assert.isTrue(await page.getByRole('button', { name: '提交需求' }).isEnabled())
    assert.equal(await page.getByLabel('问题描述').inputValue(), RICE_BLAST)
    await browserContext.setOffline(false)
    assert.equal(await Consultation.query().where('reporter_id', officer.id).count('* as n').then((rows) => Number(rows[0].$extras.n)), 0)

    const back = await visit('/consultations/new')
    await back.locator('[data-draft-notice]').waitFor()
    await back.assertTextContains('[data-draft-notice]', '已恢复上次没提交的内容')
    assert.equal(await back.getByLabel('问题描述').inputValue(), RICE_BLAST)
    assert.equal(await back.getByLabel('农户手机号').inputValue(), '13812348888')
    assert.equal(await back.locator('#f-industry').inputValue(), 'vegetable', 'a chosen industry is not overwritten')
    assert.equal(await back.locator('input[name=idempotency_key]').inputValue(), key)

    await back.getByRole('button', { name: '提交需求' }).dblclick()
    await back.waitForURL(/\/consultations\/\d+$/)
    const cases = await Consultation.query().where('reporter_id', officer.id)
    assert.lengthOf(cases, 1)
    assert.equal(cases[0].idempotencyKey, key)
    assert.equal(cases[0].industryCode, 'vegetable')
    assert.isNull(await storedDraft(back, officer.id))
  })

  test('photos first: two chosen show two thumbnails, ✕ removes one; a slow upload shows its progress and one case is made', async ({ visit, browserContext, assert }) => {
    const user = await farmer()
    await browserContext.loginAs(user)
    const page = await visit('/consultations/new')
    // The picker's buttons come first and are big enough for a thumb.
    for (const name of ['拍照', '从相册选']) {
      const box = (await page.locator('label.picker-button', { hasText: name }).boundingBox())!
      assert.isAtLeast(box.height, 48, `${name} is at least 48 px high`)
    }
    const photo = await smallPhoto({ width: 1200, height: 900 })
    await page.setInputFiles('#f-photos', [
      { name: 'a.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'b.jpg', mimeType: 'image/jpeg', buffer: photo },
    ])
    await page.locator('[data-picker-thumbs] li').nth(1).waitFor()
    assert.equal(await page.locator('[data-picker-thumbs] li img').count(), 2)
    await page.assertTextContains('[data-picker-count]', '已选 2 张，最多 9 张')
    await page.getByRole('button', { name: '删除这张照片' }).first().click()
    assert.equal(await page.locator('[data-picker-thumbs] li').count(), 1)
    await page.assertTextContains('[data-picker-count]', '已选 1 张')
    // A camera shot adds to the album's pick rather than replacing it.
    await page.setInputFiles('#f-photos-camera', { name: 'c.jpg', mimeType: 'image/jpeg', buffer: await phonePhotoWithGps() })
    await page.locator('[data-picker-thumbs] li').nth(1).waitFor()
    assert.equal(await page.locator('#f-photos').evaluate((input: any) => input.files.length), 2)

    await importSolvedCases()
    await page.getByLabel('问题描述').pressSequentially(RICE_BLAST.slice(0, 24), { delay: 10 })
    await page.locator('#similar-cases li').first().waitFor()
    await page.getByLabel('问题描述').fill(RICE_BLAST)
    await mkdir(app.tmpPath('screenshots'), { recursive: true })
    await page.screenshot({ path: app.tmpPath('screenshots/report_form.png'), fullPage: true })
    // A 2G-like uplink (DevTools throttling): the button says what is happening.
    const cdp = await browserContext.newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 200, downloadThroughput: 200_000, uploadThroughput: 40_000 })
    await page.getByRole('button', { name: '提交需求' }).click()
    const button = page.locator('[data-upload-button]')
    await page.waitForFunction(() => /正在上传 \d+%/.test((globalThis as any).document.querySelector('[data-upload-button]').textContent))
    assert.isTrue(await button.isDisabled(), 'a second tap sends nothing')
    assert.isFalse(await page.locator('[data-upload-bar]').isHidden())
    await button.dispatchEvent('click')
    await page.waitForURL(/\/consultations\/\d+$/, { timeout: 60_000 })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await page.assertTextContains('main', '需求已提交')
    const cases = await Consultation.query().where('reporter_id', user.id)
    assert.lengthOf(cases, 1)
    assert.lengthOf(await Media.query().where('subject_id', cases[0].id), 2)
  })

  test('without JavaScript: the picker is two plain file inputs, and 先看看类似案例 opens the similar page and comes back with the text', async ({ browser, assert, cleanup }) => {
    await importSolvedCases()
    const user = await farmer()
    const context = await newPhone(browser, { cleanup }, { javaScript: false })
    await context.loginAs(user)
    const page = await context.visit('/consultations/new')
    assert.isTrue(await page.locator('#f-photos').isVisible())
    assert.isFalse(await page.getByText('边写边为您查找').isVisible(), 'no promise the page cannot keep')
    await page.getByLabel('问题描述').fill(RICE_BLAST)
    await page.getByRole('button', { name: '先看看类似案例' }).click()
    await page.waitForURL('**/consultations/similar')
    assert.isAtLeast(await page.locator('a[href^="/cases/"]').count(), 1)
    await page.getByRole('link', { name: '返回继续填写' }).click()
    await page.waitForURL('**/consultations/new')
    assert.equal(await page.getByLabel('问题描述').inputValue(), RICE_BLAST)
  })
})
