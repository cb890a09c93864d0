import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import IndustryRecord from '#modules/info/models/industry_record'
import { RECORD_SUBJECT } from '#modules/info/shared/record_states'
import { HTML_AS_JPG, smallPhoto } from '#tests/fixtures/media/generate'
import { CHECKED, infoStaff, recordForm } from '#tests/fixtures/info/records'
import { assertRedirect, fieldErrors, submitForm } from '#tests/helpers'
import type User from '#core/accounts/models/user'

/** The record form as a browser sends it with photos (multipart, no JavaScript). */
function postWithPhotos(client: any, url: string, user: User, form: Record<string, string>, photos: { bytes: Buffer; name: string }[]) {
  let request = client.post(url).loginAs(user).withCsrfToken().header('accept', 'text/html').redirects(0)
  for (const [name, value] of Object.entries(form)) request = request.field(name.replace(/\[\d+\]$/, '[]'), value)
  for (const photo of photos) request = request.file('photos[]', photo.bytes, { filename: photo.name })
  return request
}

test.group('Info / records: photos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the form is multipart with the shared photo picker and upload button', async ({ client, assert }) => {
    const html = (await client.get('/info/records/new').loginAs(await infoStaff())).text()
    assert.match(html, /enctype="multipart\/form-data"/)
    assert.include(html, 'data-photo-picker')
    assert.include(html, 'data-upload-button')
  })

  test('a record with a photo: private while in the making (the author and its reviewers see it, others not), public once signed off', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const response = await postWithPhotos(client, '/info/records', author, recordForm(), [{ bytes: await smallPhoto(), name: 'orchard.jpg' }])
    const record = await IndustryRecord.query().where('author_id', author.id).firstOrFail()
    assertRedirect(response, `/info/records/${record.id}`)
    const photo = await Media.query().where({ subject_type: RECORD_SUBJECT, subject_id: record.id }).firstOrFail()
    assert.equal(photo.visibility, 'private')
    ;(await client.get(photo.url('thumb'))).assertStatus(404)
    ;(await client.get(photo.url('thumb')).loginAs(await infoStaff('510105'))).assertStatus(404)
    const reviewer = await infoStaff('510104')
    ;(await client.get(photo.url('thumb')).loginAs(reviewer)).assertStatus(200)
    assert.include((await client.get(`/info/records/${record.id}`).loginAs(author)).text(), photo.url('thumb'))

    await submitForm(client, `/info/records/${record.id}/submit`, {}, author)
    await submitForm(client, `/info/records/${record.id}/review`, CHECKED, reviewer)
    await submitForm(client, `/info/records/${record.id}/sign-off`, {}, await infoStaff('510104', 'center_admin'))
    await photo.refresh()
    assert.equal(photo.visibility, 'public')
    ;(await client.get(photo.url('thumb'))).assertStatus(200)
    assert.include((await client.get(`/info/${record.id}`)).text(), photo.url('thumb'))
  })

  test('a file that is not a photo is refused in Chinese and nothing is stored', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const response = await postWithPhotos(client, '/info/records', author, recordForm(), [{ bytes: HTML_AS_JPG, name: 'photo.jpg' }])
    assert.match(fieldErrors(response, 'photos')[0] ?? '', /\p{Script=Han}/u)
    assert.isNull(await IndustryRecord.query().where('author_id', author.id).first())
    assert.equal((await Media.query().where('owner_id', author.id)).length, 0)
  })
})
