import { test } from '@japa/runner'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import testUtils from '@adonisjs/core/services/test_utils'
import { publishLecture, renderSlides } from '#modules/achievements/lectures/lecture_actions'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { slidesPdf } from '#tests/fixtures/achievements/lectures'
import { newPhone, PHONE_VIEWPORT } from '#tests/browser/phone'

/** A published slides lecture whose three pages the job has turned into images. */
async function slidesLecture() {
  const { user } = await makeExpert({ industries: ['fruit'] })
  const path = join(tmpdir(), `slides-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`)
  const bytes = await slidesPdf(3)
  await writeFile(path, bytes)
  const lecture = await publishLecture(
    { actor: user, ip: '127.0.0.1' },
    { title: '猕猴桃冬季修剪要点', summary: '讲解猕猴桃冬季修剪的时间、方法和清园要点。', industry: 'fruit' },
    { video: null, slides: { tmpPath: path, size: bytes.length, clientName: '修剪讲义.pdf' } }
  )
  await renderSlides(lecture.id)
  return lecture
}

/* 特派员讲堂 slides on a 360×640 phone: one page at a time within the screen, 下一页 turns it — by htmx, or as a plain link without JavaScript. */
test.group('Achievements / lecture slides on phones', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const javaScript of [true, false]) {
    test(`a slide fits the phone and 下一页 shows the next (${javaScript ? 'with' : 'without'} JavaScript)`, async ({ browser, assert, cleanup }) => {
      const lecture = await slidesLecture()
      const page = await (await newPhone(browser, { cleanup }, { javaScript })).newPage()
      await page.goto(`/achievements/lectures/${lecture.id}`)
      const first = page.getByAltText('讲义第 1 页，共 3 页')
      await first.waitFor()
      const box = await first.boundingBox()
      assert.isAbove(box!.width, 250, 'the slide takes the card width')
      assert.isAtMost(box!.x + box!.width, PHONE_VIEWPORT.width)
      assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), PHONE_VIEWPORT.width)
      await page.getByRole('link', { name: '下一页 ›' }).click()
      await page.getByAltText('讲义第 2 页，共 3 页').waitFor()
      await page.waitForURL(`**/achievements/lectures/${lecture.id}?page=2`)
      assert.include(await page.locator('main').innerText(), '第 2 / 3 页')
    })
  }
})
