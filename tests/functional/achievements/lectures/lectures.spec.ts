import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import Lecture from '#modules/achievements/models/lecture'
import { RENDITION_JOB, SLIDES_JOB, renderLecture, renderSlides } from '#modules/achievements/lectures/lecture_actions'
import { asBytes, createUser, fieldErrors } from '#tests/helpers'
import { HTML_AS_JPG, mp4Bytes } from '#tests/fixtures/media/generate'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { queuedJobs } from '#tests/fixtures/experts/triage'
import { slidesPdf } from '#tests/fixtures/achievements/lectures'
import { ooxmlBytes, pdfBytes } from '#tests/fixtures/media/documents'

const FIELDS = { title: '猕猴桃冬季修剪要点', summary: '讲解猕猴桃冬季修剪的时间、方法和清园要点，适合果农和合作社技术员。', industry: 'fruit' }

function postLecture(client: any, user: any, video: Buffer | null, name = 'lecture.mp4', slides?: { bytes: Buffer; name: string }) {
  let request = client.post('/achievements/lectures').header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(user)
  for (const [field, value] of Object.entries(FIELDS)) request = request.field(field, value)
  if (video) request = request.file('video', video, { filename: name })
  if (slides) request = request.file('slides', slides.bytes, { filename: slides.name })
  return request
}

function postSlides(client: any, user: any, bytes: Buffer, name = '修剪讲义.pdf') {
  return postLecture(client, user, null, undefined, { bytes, name })
}

/** A real two-second 640×480 MP4, made by ffmpeg's test source (ffmpeg is installed from Debian, as on CI). */
async function realVideo() {
  const dir = await mkdtemp(join(tmpdir(), 'lecture-test-'))
  try {
    const file = join(dir, 'in.mp4')
    await promisify(execFile)('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=640x480:rate=15', '-pix_fmt', 'yuv420p', file])
    return await readFile(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

test.group('Achievements / 特派员讲堂', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a verified expert publishes a lecture video; it is listed, its page plays it and counts views, its rendition is queued', async ({ client, assert }) => {
    const { user } = await makeExpert({ name: '李研究员', industries: ['fruit'] })
    const response = await postLecture(client, user, mp4Bytes(200_000))
    const lecture = await Lecture.findByOrFail('expertUserId', user.id)
    response.assertStatus(302)
    response.assertHeader('location', `/achievements/lectures/${lecture.id}`)
    const video = await Media.findOrFail(lecture.videoId)
    assert.equal(video.kind, 'video')
    assert.equal(video.visibility, 'public')
    assert.equal(video.subjectType, 'achievements.lecture')
    assert.lengthOf(await queuedJobs(RENDITION_JOB), 1)

    const list = await client.get('/achievements/lectures?industry=fruit')
    assert.include(list.text(), '猕猴桃冬季修剪要点')
    assert.include((await client.get('/achievements/lectures?industry=tea')).text(), '这个产业还没有讲座')
    const page = await client.get(`/achievements/lectures/${lecture.id}`)
    assert.include(page.text(), `<source src="${video.url()}" type="video/mp4">`)
    assert.include(page.text(), '低码率版本尚未生成')
    await client.get(`/achievements/lectures/${lecture.id}`)
    await lecture.refresh()
    assert.equal(lecture.views, 2)
  })

  test('the lecture video is served to a guest with 206 Partial Content for a range request, so a phone can seek', async ({ client, assert }) => {
    const { user } = await makeExpert({ industries: ['fruit'] })
    const bytes = mp4Bytes(300_000)
    await postLecture(client, user, bytes)
    const lecture = await Lecture.findByOrFail('expertUserId', user.id)
    const video = await Media.findOrFail(lecture.videoId)
    const part = await asBytes(client.get(video.url()).header('range', 'bytes=1000-1999'))
    part.assertStatus(206)
    part.assertHeader('content-range', `bytes 1000-1999/${bytes.length}`)
    part.assertHeader('content-type', 'video/mp4')
    assert.isTrue((part.body() as unknown as Buffer).equals(bytes.subarray(1000, 2000)))
  })

  test('refused: a file that is not a video, no file, an unverified expert — Chinese messages, nothing stored', async ({ client, assert }) => {
    const { user } = await makeExpert({ industries: ['fruit'] })
    const notVideo = await postLecture(client, user, HTML_AS_JPG, 'lecture.mp4')
    assert.match(fieldErrors(notVideo, 'video').join(' '), /\p{Script=Han}/u)
    assert.include(fieldErrors(await postLecture(client, user, null), 'video').join(' '), '请选择讲座视频')
    const farmer = await createUser()
    assert.include(fieldErrors(await postLecture(client, farmer, mp4Bytes(1000)), 'video').join(' '), '只有经运管中心认证的科技特派员')
    assert.lengthOf(await Lecture.all(), 0)
    assert.lengthOf(await Media.query().where('kind', 'video'), 0)
  })

  test('the rendition job: without ffmpeg the lecture degrades to the original; with it, a 360p rendition plays first', async ({ client, assert }) => {
    const { user } = await makeExpert({ industries: ['fruit'] })
    await postLecture(client, user, await realVideo())
    const lecture = await Lecture.findByOrFail('expertUserId', user.id)

    const missing = await renderLecture(lecture.id, { ffmpeg: '/nonexistent/ffmpeg' })
    assert.equal(missing!.rendition, 'unavailable')
    assert.include((await client.get(`/achievements/lectures/${lecture.id}`)).text(), '低码率版本尚未生成')

    const done = await renderLecture(lecture.id)
    assert.equal(done!.rendition, 'ready')
    const rendition = await Media.findOrFail(done!.renditionId)
    const original = await Media.findOrFail(lecture.videoId)
    assert.equal(rendition.kind, 'video')
    assert.isBelow(rendition.size, original.size * 2)
    const page = await client.get(`/achievements/lectures/${lecture.id}`)
    assert.isBelow(page.text().indexOf(rendition.url()), page.text().indexOf(`<source src="${original.url()}"`))
    assert.include(page.text(), '正在播放适合手机网络的低码率版本')
    assert.equal((await renderLecture(lecture.id))!.renditionId, rendition.id, 'idempotent')
  }).timeout(60_000)

  test('slides: a PDF is stored, its pages become images in a job, and the lecture shows them page by page (page, htmx, no JS)', async ({ client, assert }) => {
    const { user } = await makeExpert({ industries: ['fruit'] })
    const response = await postSlides(client, user, await slidesPdf(3))
    const lecture = await Lecture.findByOrFail('expertUserId', user.id)
    response.assertStatus(302)
    response.assertHeader('location', `/achievements/lectures/${lecture.id}`)
    assert.isNull(lecture.videoId)
    const pdf = await Media.findOrFail(lecture.slidesId)
    assert.equal(pdf.contentType, 'application/pdf')
    assert.equal(pdf.visibility, 'public')
    assert.lengthOf(await queuedJobs(SLIDES_JOB), 1)
    assert.lengthOf(await queuedJobs(RENDITION_JOB), 0)

    const waiting = await client.get(`/achievements/lectures/${lecture.id}`)
    assert.include(waiting.text(), '讲义的逐页图片正在生成')
    assert.include(waiting.text(), pdf.url())
    assert.include((await client.get('/achievements/lectures?industry=fruit')).text(), '讲义')

    const done = await renderSlides(lecture.id)
    assert.equal(done!.rendition, 'ready')
    assert.equal(done!.pageCount, 3)
    const images = await Media.query().where('subject_type', 'achievements.lecture').where('subject_id', lecture.id).where('kind', 'photo').orderBy('id')
    assert.lengthOf(images, 3)
    assert.isTrue(images.every((image) => image.visibility === 'public' && image.width! <= 1280 && image.height! <= 1280))

    const first = await client.get(`/achievements/lectures/${lecture.id}`)
    assert.include(first.text(), `src="${images[0].url()}"`)
    assert.include(first.text(), '第 1 / 3 页')
    assert.include(first.text(), `href="/achievements/lectures/${lecture.id}?page=2"`)
    assert.notInclude(first.text(), '上一页')

    const fragment = await client.get(`/achievements/lectures/${lecture.id}?page=2`).header('hx-request', 'true')
    assert.include(fragment.text(), `src="${images[1].url()}"`)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '上一页')
    const last = await client.get(`/achievements/lectures/${lecture.id}?page=3`)
    assert.include(last.text(), `src="${images[2].url()}"`)
    assert.include(last.text(), '<html')
    assert.notInclude(last.text(), '下一页')
    ;(await client.get(`/achievements/lectures/${lecture.id}?page=4`)).assertStatus(404)
    ;(await client.get(`/achievements/lectures/${lecture.id}?page=x`)).assertStatus(404)
    const image = await asBytes(client.get(images[0].url()))
    image.assertStatus(200)
    image.assertHeader('content-type', 'image/webp')

    await lecture.refresh()
    assert.equal(lecture.views, 3, 'the pages count views, the htmx slide does not')
    assert.equal((await renderSlides(lecture.id))!.pageCount, 3, 'idempotent')
    assert.lengthOf(await Media.query().where('subject_id', lecture.id).where('kind', 'photo'), 3)
  }).timeout(60_000)

  test('slides without pdftoppm: the lecture is unavailable page by page and offers the PDF', async ({ client, assert }) => {
    const { user } = await makeExpert({ industries: ['fruit'] })
    await postSlides(client, user, await pdfBytes('冬季修剪'))
    const lecture = await Lecture.findByOrFail('expertUserId', user.id)
    const missing = await renderSlides(lecture.id, { pdftoppm: '/nonexistent/pdftoppm' })
    assert.equal(missing!.rendition, 'unavailable')
    const page = await client.get(`/achievements/lectures/${lecture.id}`)
    assert.include(page.text(), '这份讲义无法逐页显示')
    assert.include(page.text(), '下载 PDF 讲义')
  })

  test('PPTX slides are kept for download, with no page images and no job; the page says so', async ({ client, assert }) => {
    const { user } = await makeExpert({ industries: ['fruit'] })
    ;(await postSlides(client, user, ooxmlBytes('pptx'), '讲义.pptx')).assertStatus(302)
    const [lecture] = await Lecture.all()
    assert.equal(lecture.rendition, 'unavailable')
    assert.lengthOf(await queuedJobs(SLIDES_JOB), 0, 'nothing to convert')
    const page = await client.get(`/achievements/lectures/${lecture.id}`)
    assert.include(page.text(), '这份讲义是 PPT，手机上不能逐页显示')
    assert.include(page.text(), '下载 PPT 讲义')
    assert.notInclude(page.text(), 'lecture-slide')
  })

  test('refused slides: a Word file, a web page named .pdf, a video and slides at once — nothing stored', async ({ client, assert }) => {
    const { user } = await makeExpert({ industries: ['fruit'] })
    assert.include(fieldErrors(await postSlides(client, user, ooxmlBytes('docx'), '讲义.docx'), 'slides').join(' '), '讲义须为 PDF 或 PPT/PPTX 文件')
    assert.match(fieldErrors(await postSlides(client, user, HTML_AS_JPG, '讲义.pdf'), 'slides').join(' '), /\p{Script=Han}/u)
    const both = await postLecture(client, user, mp4Bytes(1000), 'lecture.mp4', { bytes: await slidesPdf(1), name: 'a.pdf' })
    assert.include(fieldErrors(both, 'slides').join(' '), '视频和讲义只能选一个')
    assert.lengthOf(await Lecture.all(), 0)
    assert.lengthOf(await Media.all(), 0)
    const form = await client.get('/achievements/lectures/new').loginAs(user)
    assert.include(form.text(), 'PPT/PPTX 供下载')
  })

  test('search: words of the title or summary find a lecture (page and htmx), others and punctuation find none', async ({ client, assert }) => {
    const { user } = await makeExpert({ industries: ['fruit', 'tea'] })
    await postLecture(client, user, mp4Bytes(1000))
    let other = client.post('/achievements/lectures').header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(user)
    for (const [field, value] of Object.entries({ title: '名优绿茶机采技术', summary: '讲解茶园机械采摘的树冠修剪和采摘时机。', industry: 'tea' })) other = other.field(field, value)
    await other.file('video', mp4Bytes(1000), { filename: 'tea.mp4' })

    const found = await client.get(`/achievements/lectures?q=${encodeURIComponent('猕猴桃 修剪')}`)
    assert.include(found.text(), '猕猴桃冬季修剪要点')
    assert.notInclude(found.text(), '名优绿茶机采技术')
    const fragment = await client.get(`/achievements/lectures?q=${encodeURIComponent('机械采摘')}`).header('hx-request', 'true')
    assert.include(fragment.text(), '名优绿茶机采技术')
    assert.notInclude(fragment.text(), '<html')
    assert.include((await client.get(`/achievements/lectures?q=${encodeURIComponent('柑橘')}`)).text(), '没有找到含“柑橘”的讲座')
    assert.include((await client.get(`/achievements/lectures?q=${encodeURIComponent('！？')}`)).text(), '没有找到')
    assert.notInclude((await client.get(`/achievements/lectures?industry=tea&q=${encodeURIComponent('修剪')}`)).text(), '猕猴桃冬季修剪要点')
  })
})
