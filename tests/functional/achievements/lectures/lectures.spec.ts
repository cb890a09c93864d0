import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import Lecture from '#modules/achievements/models/lecture'
import { RENDITION_JOB, renderLecture } from '#modules/achievements/lectures/lecture_actions'
import { asBytes, createUser, fieldErrors } from '#tests/helpers'
import { HTML_AS_JPG, mp4Bytes } from '#tests/fixtures/media/generate'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { queuedJobs } from '#tests/fixtures/experts/triage'

const FIELDS = { title: '猕猴桃冬季修剪要点', summary: '讲解猕猴桃冬季修剪的时间、方法和清园要点，适合果农和合作社技术员。', industry: 'fruit' }

function postLecture(client: any, user: any, video: Buffer | null, name = 'lecture.mp4') {
  let request = client.post('/achievements/lectures').header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(user)
  for (const [field, value] of Object.entries(FIELDS)) request = request.field(field, value)
  if (video) request = request.file('video', video, { filename: name })
  return request
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
})
