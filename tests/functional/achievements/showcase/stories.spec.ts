import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import { actingAs } from '#core/accounts/acting'
import { todayIso } from '#core/clock'
import { suspendRegion } from '#core/regions/participation'
import ExpertStory from '#modules/achievements/models/expert_story'
import { createUser, fieldErrors } from '#tests/helpers'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { centreStaff } from '#tests/fixtures/achievements/platforms'
import { smallPhoto, HTML_AS_JPG } from '#tests/fixtures/media/generate'

const STORY = { title: '扎根龙泉山的“桃博士”', body: '李研究员十年来每年下乡一百多天，帮助龙泉驿区桃农解决流胶病和裂果问题，带动三个合作社增收。' }

function postStory(client: any, user: any, expertId: number, fields: Record<string, string | string[]> = STORY, photos: Buffer[] = []) {
  let request = client.post(`/achievements/experts/${expertId}/story`).header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(user)
  for (const [field, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) request = request.field(`${field}[]`, item)
    else request = request.field(field, value)
  }
  photos.forEach((bytes, index) => (request = request.file('photos[]', bytes, { filename: `story-${index}.jpg` })))
  return request
}

test.group('Achievements / 风采故事', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('centre staff of the expert\'s county write the story with photos (no-JS post); the showcase shows it; a photo is removed on a later save', async ({ client, assert }) => {
    const { expert } = await makeExpert({ name: '李研究员', county: '510104', industries: ['fruit'] })
    const staff = await centreStaff('510104')
    const form = await client.get(`/achievements/experts/${expert.id}/story`).loginAs(staff)
    form.assertStatus(200)
    assert.include(form.text(), 'enctype="multipart/form-data"')
    assert.include((await client.get(`/achievements/experts/${expert.id}`).loginAs(staff)).text(), '写风采故事')

    const saved = await postStory(client, staff, expert.id, STORY, [await smallPhoto(), await smallPhoto({ format: 'png' })])
    saved.assertStatus(302)
    saved.assertHeader('location', `/achievements/experts/${expert.id}`)
    const story = await ExpertStory.findByOrFail('expertId', expert.id)
    assert.equal(story.writtenBy, staff.id)
    const photos = await Media.query().where({ subject_type: 'achievements.expert_story', subject_id: story.id }).orderBy('id')
    assert.lengthOf(photos, 2)
    assert.isTrue(photos.every((photo) => photo.visibility === 'public'))

    const page = await client.get(`/achievements/experts/${expert.id}`)
    assert.include(page.text(), '扎根龙泉山的“桃博士”')
    assert.include(page.text(), photos[0].url('thumb'))
    assert.notInclude(page.text(), '修改风采故事', 'a guest does not see the link')

    await postStory(client, staff, expert.id, { ...STORY, title: '扎根龙泉山的桃博士', remove_photos: [photos[0].publicId] })
    await story.refresh()
    assert.equal(story.title, '扎根龙泉山的桃博士')
    assert.lengthOf(await ExpertStory.all(), 1, 'one story per expert')
    assert.deepEqual((await Media.query().where({ subject_type: 'achievements.expert_story' })).map((photo) => photo.id), [photos[1].id])
  })

  test('while the expert\'s county is suspended its centre may not write the story (403, nothing stored); its city may', async ({ client, assert }) => {
    const { expert } = await makeExpert({ county: '510104', industries: ['fruit'] })
    const platform = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    await suspendRegion(await actingAs(platform, null), { regionCode: '510104', reason: '未落实配套经费', fromDay: todayIso() })
    const staff = await centreStaff('510104')
    ;(await client.get(`/achievements/experts/${expert.id}/story`).loginAs(staff)).assertStatus(403)
    ;(await postStory(client, staff, expert.id)).assertStatus(403)
    assert.lengthOf(await ExpertStory.all(), 0)
    ;(await postStory(client, await centreStaff('5101'), expert.id)).assertStatus(302)
    assert.lengthOf(await ExpertStory.all(), 1)
  })

  test('another county\'s centre gets 404 and sees no link, anyone else 403; bad input refused in Chinese and nothing stored (htmx 422 too)', async ({ client, assert }) => {
    const { expert } = await makeExpert({ county: '510104', industries: ['fruit'] })
    const other = await centreStaff('510105')
    ;(await client.get(`/achievements/experts/${expert.id}/story`).loginAs(other)).assertStatus(404)
    ;(await postStory(client, other, expert.id)).assertStatus(404)
    assert.notInclude((await client.get(`/achievements/experts/${expert.id}`).loginAs(other)).text(), '写风采故事')
    const farmer = await createUser({ roles: ['farmer'] })
    ;(await client.get(`/achievements/experts/${expert.id}/story`).loginAs(farmer)).assertStatus(403)
    ;(await postStory(client, farmer, expert.id)).assertStatus(403)
    const city = await centreStaff('5101')
    ;(await client.get(`/achievements/experts/${expert.id}/story`).loginAs(city)).assertStatus(200)

    const staff = await centreStaff('510104')
    assert.include(fieldErrors(await postStory(client, staff, expert.id, { title: '短', body: STORY.body }), 'title').join(' '), '标题至少 4 个字')
    assert.match(fieldErrors(await postStory(client, staff, expert.id, STORY, [HTML_AS_JPG]), 'photos').join(' '), /\p{Script=Han}/u)
    const seven = await Promise.all(Array.from({ length: 7 }, () => smallPhoto()))
    assert.include(fieldErrors(await postStory(client, staff, expert.id, STORY, seven), 'photos').join(' '), '最多 6 张照片')
    const htmx = await client.post(`/achievements/experts/${expert.id}/story`).header('hx-request', 'true').form({ title: '', body: '' }).withCsrfToken().loginAs(staff)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '请填写标题')
    assert.lengthOf(await ExpertStory.all(), 0)
    assert.lengthOf(await Media.query().where('subject_type', 'achievements.expert_story'), 0)
  })
})
