import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import db from '@adonisjs/lucid/services/db'
import { mediaDisk } from '#core/media/storage'
import IndustryRecord from '#modules/info/models/industry_record'
import { RECORD_SUBJECT } from '#modules/info/shared/record_states'
import { EXE_BYTES, ole2Bytes, ooxmlBytes, pdfBytes } from '#tests/fixtures/media/documents'
import { CHECKED, infoStaff, recordForm } from '#tests/fixtures/info/records'
import { assertRedirect, fieldErrors, submitForm } from '#tests/helpers'
import type User from '#core/accounts/models/user'

interface Upload {
  bytes: Buffer
  name: string
}

/** The record form as a browser sends it with attachments (multipart; htmx sends the same body with HX-Request). */
function postWithFiles(client: any, url: string, user: User, form: Record<string, string>, attachments: Upload[], htmx = false) {
  let request = client.post(url).loginAs(user).withCsrfToken().redirects(0)
  request = htmx ? request.header('HX-Request', 'true') : request.header('accept', 'text/html')
  for (const [name, value] of Object.entries(form)) request = request.field(name.replace(/\[\d+\]$/, '[]'), value)
  for (const file of attachments) request = request.file('attachments[]', file.bytes, { filename: file.name })
  return request
}

const documentsOf = (record: { id: number }) => Media.query().where({ subject_type: RECORD_SUBJECT, subject_id: record.id, kind: 'document' }).orderBy('id')

test.group('Info / records: PDF and Office attachments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the form has a documents input next to the photo picker', async ({ client, assert }) => {
    const html = (await client.get('/info/records/new').loginAs(await infoStaff())).text()
    assert.match(html, /<input id="f-attachments" name="attachments\[\]" type="file" multiple data-media-upload data-max-bytes="20971520"/)
    assert.include(html, '附件（PDF/Office 文档）')
  })

  test('no-JS post with a PDF and a Word file: stored with the record, private until signed off (author and county staff download it; another county, anonymous get 404), then public on the record page', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const pdf = await pdfBytes()
    const response = await postWithFiles(client, '/info/records', author, recordForm(), [
      { bytes: pdf, name: '锦江区柑橘产业报告.pdf' },
      { bytes: ooxmlBytes('docx'), name: '附表.docx' },
    ])
    const record = await IndustryRecord.query().where('author_id', author.id).firstOrFail()
    assertRedirect(response, `/info/records/${record.id}`)
    const [report, table] = await documentsOf(record)
    assert.equal(report.fileName, '锦江区柑橘产业报告.pdf')
    assert.equal(report.contentType, 'application/pdf')
    assert.equal(table.fileName, '附表.docx')
    assert.equal(report.visibility, 'private')

    const panel = (await client.get(`/info/records/${record.id}`).loginAs(author)).text()
    assert.include(panel, `<a href="${report.url()}" download>锦江区柑橘产业报告.pdf</a>`)
    const reviewer = await infoStaff('510104')
    const download = await client.get(report.url()).loginAs(reviewer)
    download.assertStatus(200)
    download.assertHeader('content-type', 'application/pdf')
    assert.match(download.header('content-disposition')!, /^attachment;/)
    download.assertHeader('x-content-type-options', 'nosniff')
    ;(await client.get(report.url()).loginAs(await infoStaff('510105'))).assertStatus(404)
    ;(await client.get(report.url())).assertStatus(404)
    ;(await client.get(`/info/${record.id}`)).assertStatus(404)

    await submitForm(client, `/info/records/${record.id}/submit`, {}, author)
    await submitForm(client, `/info/records/${record.id}/review`, CHECKED, reviewer)
    await submitForm(client, `/info/records/${record.id}/sign-off`, {}, await infoStaff('510104', 'center_admin'))
    await report.refresh()
    assert.equal(report.visibility, 'public')
    ;(await client.get(report.url())).assertStatus(200)
    const page = (await client.get(`/info/${record.id}`)).text()
    assert.include(page, '附件')
    assert.include(page, `<a href="${table.url()}" download>附表.docx</a>`)

    // 撤回 takes the files offline with the record.
    await submitForm(client, `/info/records/${record.id}/withdraw`, { reason: '数据有误，需要更正' }, reviewer)
    await report.refresh()
    assert.equal(report.visibility, 'private')
    ;(await client.get(report.url())).assertStatus(404)
  })

  test('htmx post while editing adds a legacy Excel file to the draft', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    await submitForm(client, '/info/records', recordForm(), author)
    const record = await IndustryRecord.query().where('author_id', author.id).firstOrFail()
    const response = await postWithFiles(client, `/info/records/${record.id}`, author, recordForm(), [{ bytes: ole2Bytes('Workbook'), name: '产量.xls' }], true)
    assert.isBelow(response.status(), 400)
    const [sheet] = await documentsOf(record)
    assert.equal(sheet.contentType, 'application/vnd.ms-excel')
  })

  test('an .exe renamed .pdf and a 50 MB file are refused in Chinese on the field, and nothing is stored (neither record nor file)', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const exe = await postWithFiles(client, '/info/records', author, recordForm(), [{ bytes: await pdfBytes(), name: 'ok.pdf' }, { bytes: EXE_BYTES, name: 'report.pdf' }])
    assert.deepEqual(fieldErrors(exe, 'attachments'), ['只能上传 PDF 或 Office 文档（Word、Excel、PowerPoint），且不超过 20 MB；带宏的文档和其他文件不能上传'])
    const big = Buffer.concat([await pdfBytes(), Buffer.alloc(50 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')])
    const huge = await postWithFiles(client, '/info/records', author, recordForm(), [{ bytes: big, name: '大文件.pdf' }])
    assert.deepEqual(fieldErrors(huge, 'attachments'), ['文档太大：不能超过 20 MB'])
    const htmx = await postWithFiles(client, '/info/records', author, recordForm(), [{ bytes: EXE_BYTES, name: 'report.pdf' }], true)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '只能上传 PDF 或 Office 文档')
    assert.isNull(await IndustryRecord.query().where('author_id', author.id).first())
    assert.equal((await Media.query().where('owner_id', author.id)).length, 0)
  })

  test('at most 5 attachments a record', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    const files = await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => ({ bytes: await pdfBytes(`p${n}`), name: `${n}.pdf` })))
    const response = await postWithFiles(client, '/info/records', author, recordForm(), files)
    assert.deepEqual(fieldErrors(response, 'attachments'), ['附件最多 5 个'])
    assert.isNull(await IndustryRecord.query().where('author_id', author.id).first())
  })

  test('the author removes an attachment from a draft (a 删除 button of the edit form, no JS): row and file go, a step in the history; others get 404 and a published record keeps its files', async ({ client, assert }) => {
    const author = await infoStaff('510104')
    await postWithFiles(client, '/info/records', author, recordForm(), [{ bytes: await pdfBytes(), name: '报告.pdf' }, { bytes: ooxmlBytes('docx'), name: '附表.docx' }])
    const record = await IndustryRecord.query().where('author_id', author.id).firstOrFail()
    const [report, table] = await documentsOf(record)
    const edit = (await client.get(`/info/records/${record.id}/edit`).loginAs(author)).text()
    assert.include(edit, `formaction="/info/records/${record.id}/media/${report.publicId}/delete"`)
    assert.notInclude((await client.get(`/info/records/${record.id}`).loginAs(author)).text(), '/delete"')

    const stranger = await submitForm(client, `/info/records/${record.id}/media/${report.publicId}/delete`, {}, await infoStaff('510105'))
    assert.oneOf(stranger.status(), [403, 404])
    const removed = await submitForm(client, `/info/records/${record.id}/media/${report.publicId}/delete`, {}, author)
    assertRedirect(removed, `/info/records/${record.id}/edit`)
    assert.deepEqual((await documentsOf(record)).map((media) => media.id), [table.id])
    assert.isFalse(await mediaDisk().exists(report.storageKey))
    const steps = await db.from('info_record_events').where('record_id', record.id).orderBy('id').select('action')
    assert.deepEqual(steps.map((step) => step.action), ['created', 'updated'])
    // A file of another record (or none) under this record's URL is not found.
    const other = await infoStaff('510104')
    await postWithFiles(client, '/info/records', other, recordForm(), [{ bytes: await pdfBytes(), name: 'x.pdf' }])
    const otherRecord = await IndustryRecord.query().where('author_id', other.id).firstOrFail()
    const [foreign] = await documentsOf(otherRecord)
    ;(await submitForm(client, `/info/records/${record.id}/media/${foreign.publicId}/delete`, {}, author)).assertStatus(404)

    await submitForm(client, `/info/records/${record.id}/submit`, {}, author)
    const late = await submitForm(client, `/info/records/${record.id}/media/${table.publicId}/delete`, {}, author)
    assert.isAtLeast(late.status(), 300)
    assert.lengthOf(await documentsOf(record), 1)
  })
})
