import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import { storeDocument } from '#core/media/media_service'
import { asBytes, createUser } from '#tests/helpers'
import { uploadFrom } from '#tests/fixtures/media/generate'
import { ole2Bytes, pdfBytes } from '#tests/fixtures/media/documents'

test.group('Media / serving documents', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a public PDF downloads as an attachment under its Chinese name, never rendered on our origin', async ({ client, assert }) => {
    const bytes = await pdfBytes()
    const media = await storeDocument({ ...(await uploadFrom(bytes)), clientName: '柑橘产业报告.pdf' }, { owner: await createUser(), visibility: 'public', countyCode: '510104' })
    const response = await asBytes(client.get(media.url()))
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/pdf')
    response.assertHeader('x-content-type-options', 'nosniff')
    assert.match(response.header('content-disposition')!, /^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''%E6%9F%91%E6%A9%98/)
    assert.include(response.header('content-security-policy')!, 'sandbox')
    assert.isTrue((response.body() as unknown as Buffer).equals(bytes))
    // Documents have no thumbnail.
    ;(await client.get(media.url('thumb'))).assertStatus(404)
  })

  test('a private document attached to a record of 510129: owner and county staff download it; another county and anonymous get 404', async ({ client }) => {
    const owner = await createUser({ county: '510129' })
    const media = await storeDocument({ ...(await uploadFrom(ole2Bytes('WordDocument'))), clientName: 'plan.doc' }, { owner, visibility: 'private', countyCode: '510129' })
    await Media.query().where('id', media.id).update({ subject_type: 'tests.record', subject_id: 1 })
    for (const user of [owner, await createUser({ roles: ['center_staff'], scopes: { center_staff: '510129' } })]) {
      const response = await client.get(media.url()).loginAs(user)
      response.assertStatus(200)
      response.assertHeader('content-type', 'application/msword')
      response.assertHeader('content-disposition', `attachment; filename="plan.doc"; filename*=UTF-8''plan.doc`)
      response.assertHeader('cache-control', 'private, no-cache')
    }
    ;(await client.get(media.url()).loginAs(await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } }))).assertStatus(404)
    ;(await client.get(media.url())).assertStatus(404)
  })

  test('我的图片 lists a kept document as a download link under its name', async ({ client, assert }) => {
    const owner = await createUser()
    const media = await storeDocument({ ...(await uploadFrom(await pdfBytes())), clientName: '讲义.pdf' }, { owner, visibility: 'private', countyCode: null, kept: true })
    const page = await client.get('/media').loginAs(owner)
    page.assertStatus(200)
    assert.include(page.text(), `<a class="media-document" href="${media.url()}" download>讲义.pdf</a>`)
    assert.notInclude(page.text(), `<video src="${media.url()}"`)
  })
})
