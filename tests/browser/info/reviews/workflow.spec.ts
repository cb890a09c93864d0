import { mkdir } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import type User from '#core/accounts/models/user'
import IndustryRecord from '#modules/info/models/industry_record'
import { phonePhotoWithGps } from '#tests/fixtures/media/generate'
import { infoStaff } from '#tests/fixtures/info/records'
import { newPhone, PHONE_VIEWPORT } from '#tests/browser/phone'

/*
 * 上传 → 审核 → 签批 → 发布 on 360×640 phones, each person in their own browser: a 大邑县
 * centre member writes a record with a photo and submits it, a second reviews it with the
 * checklist, a third signs it off; then anyone reads it, photo and IP owner included.
 */
test.group('Info / the workflow on phones', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('one uploads with a photo, a second reviews, a third signs off; the public page shows it', async ({ browser, assert, cleanup }) => {
    const [author, reviewer, signer] = [await infoStaff('510129'), await infoStaff('510129'), await infoStaff('510129', 'center_admin')]
    const phone = async (user?: User) => {
      const context = await newPhone(browser, { cleanup })
      if (user) await context.loginAs(user)
      return context
    }

    const form = await (await phone(author)).visit('/info/records/new')
    assert.isAtMost(await form.locator('html').evaluate((html) => html.scrollWidth), PHONE_VIEWPORT.width)
    await form.locator('#f-kind').selectOption('status')
    await form.locator('#f-category').selectOption('local')
    await form.locator('#f-industry').selectOption('grain_oil')
    await form.locator('#f-county_code').selectOption('510129')
    await form.getByLabel('标题').fill('大邑县优质稻产业现状')
    await form.getByLabel('正文').fill('全县优质稻种植面积约二十万亩。\n\n推广稻油轮作，机械化率超过八成。')
    await form.getByLabel('权属单位').fill('大邑县农业农村局')
    await form.setInputFiles('#f-photos', { name: 'field.jpg', mimeType: 'image/jpeg', buffer: await phonePhotoWithGps() })
    await form.getByRole('button', { name: '保存草稿' }).click()
    await form.waitForURL(/\/info\/records\/\d+$/)
    const record = await IndustryRecord.query().where('author_id', author.id).firstOrFail()
    await form.getByRole('button', { name: '提交审核' }).click()
    await form.assertTextContains(`#record-${record.id}`, '已提交审核')

    const review = await (await phone(reviewer)).visit('/info/reviews')
    await review.getByRole('link', { name: /大邑县优质稻产业现状/ }).click()
    for (const item of ['政治导向正确', '不涉密', '权属清楚', '数据来源可靠']) await review.getByLabel(item, { exact: true }).check()
    await review.getByRole('button', { name: '审核通过' }).click()
    await review.assertTextContains(`#record-${record.id}`, '已审核通过，等待签批')

    const signOff = await (await phone(signer)).visit('/info/reviews?step=sign_off')
    await signOff.getByRole('link', { name: /大邑县优质稻产业现状/ }).click()
    await signOff.getByRole('button', { name: '签批发布' }).click()
    await signOff.assertTextContains(`#record-${record.id}`, '已签批，信息已公开')

    const list = await (await phone()).visit('/info')
    await list.getByRole('link', { name: /大邑县优质稻产业现状/ }).click()
    await list.assertTextContains('main', '本信息权属归 大邑县农业农村局 所有')
    const photo = list.locator('.media-grid img')
    await photo.waitFor()
    assert.isTrue(await photo.evaluate((img: any) => img.complete && img.naturalWidth > 0), 'the photo loads for a guest')
    assert.isAtMost(await list.locator('html').evaluate((html) => html.scrollWidth), PHONE_VIEWPORT.width)
    await mkdir(app.tmpPath('screenshots'), { recursive: true })
    await list.screenshot({ path: app.tmpPath('screenshots/info_record.png'), fullPage: true })
    assert.equal((await IndustryRecord.findOrFail(record.id)).status, 'published')
  })
})
