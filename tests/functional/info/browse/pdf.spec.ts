import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEntry from '#core/audit/audit_entry'
import { storePhoto } from '#core/media/media_service'
import { PDF_FONT } from '#modules/info/browse/record_pdf'
import { RECORD_SUBJECT } from '#modules/info/shared/record_states'
import { asBytes, createUser } from '#tests/helpers'
import { smallPhoto, uploadFrom } from '#tests/fixtures/media/generate'
import { recordIn } from '#tests/fixtures/info/records'

const run = promisify(execFile)

/** pdfinfo and pdftotext (poppler-utils) on the downloaded bytes. */
async function poppler(pdf: Buffer) {
  const dir = await mkdtemp(join(tmpdir(), 'info-pdf-'))
  try {
    const file = join(dir, 'record.pdf')
    await writeFile(file, pdf)
    const info = (await run('pdfinfo', [file])).stdout
    const text = (await run('pdftotext', ['-raw', file, '-'])).stdout
    return { info, text }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The /P permission bits of the encryption dictionary (PDF 32000-1 table 22). */
function permissionsOf(pdf: Buffer) {
  const raw = pdf.toString('latin1')
  const encrypt = /\/Encrypt\s+(\d+)\s+0\s+R/.exec(raw.slice(raw.lastIndexOf('trailer')))
  if (!encrypt) return null
  const object = new RegExp(`\\n${encrypt[1]} 0 obj([\\s\\S]*?)endobj`).exec(raw)![1]
  const p = Number(/\/P\s+(-?\d+)/.exec(object)![1])
  return { print: !!(p & 4), modify: !!(p & 8), copy: !!(p & 16), annotate: !!(p & 32), fillForms: !!(p & 256), assemble: !!(p & 1024) }
}

const TABLE_BODY =
  '<h2>产业概况</h2><p>锦江区柑橘种植面积约一万亩，主栽品种为<strong>春见</strong>和不知火。</p>' +
  '<ul><li>水肥一体化</li><li>绿色防控</li></ul>' +
  '<table><tr><th>年份</th><th>产量（吨）</th></tr><tr><td>2025</td><td>11800</td></tr><tr><td>2026</td><td>12600</td></tr></table>'

async function publishedWithPhoto() {
  const parties = await recordIn('published', { title: '锦江区柑橘产业发展现状报告' })
  parties.record.body = TABLE_BODY
  parties.record.ipOwner = '锦江区农业农村局'
  parties.record.source = '锦江区统计年鉴'
  await parties.record.save()
  await storePhoto(await uploadFrom(await smallPhoto()), {
    owner: parties.author,
    visibility: 'public',
    countyCode: '510104',
    subject: { type: RECORD_SUBJECT, id: parties.record.id },
  })
  return parties
}

test.group('Info / browse: the watermarked PDF', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a published record downloads for a signed-in person as an encrypted PDF: the Chinese title, table, IP owner and the downloader\'s masked phone inside, modifying and copying not permitted, audited', async ({ client, assert }) => {
    const { record } = await publishedWithPhoto()
    const farmer = await createUser({ county: '510104' })
    const started = performance.now()
    const response = await asBytes(client.get(`/info/${record.id}/pdf`).loginAs(farmer))
    const elapsed = performance.now() - started
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/pdf')
    assert.match(response.header('content-disposition')!, /^attachment; filename=".*\.pdf"; filename\*=UTF-8''/)
    response.assertHeader('cache-control', 'no-store')
    const pdf = response.body() as unknown as Buffer
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')

    // Encrypted (an /Encrypt entry in the trailer), opening without a password, printing only.
    const permissions = permissionsOf(pdf)
    assert.deepEqual(permissions, { print: true, modify: false, copy: false, annotate: false, fillForms: false, assemble: false })
    const { info, text } = await poppler(pdf)
    assert.match(info, /Encrypted:\s+yes \(print:yes copy:no change:no addNotes:no/)
    assert.match(info, /Title:\s+锦江区柑橘产业发展现状报告/)

    const flat = text.replace(/\s+/g, '')
    assert.include(flat, '锦江区柑橘产业发展现状报告')
    assert.include(flat, '产业概况')
    assert.include(flat, '12600')
    assert.include(flat, '权属单位：锦江区农业农村局')
    assert.include(flat, '来源：锦江区统计年鉴')
    assert.include(flat, farmer.maskedPhone.replace(/\s+/g, ''))
    assert.notInclude(flat, farmer.phone)
    assert.include(flat, '四川乡村振兴科技在线')
    assert.include(flat, '第1/1页')

    const entry = await AuditEntry.query().where({ action: 'info.record_downloaded', subject_id: String(record.id) }).firstOrFail()
    assert.equal(Number(entry.actorId), Number(farmer.id))

    // A page as an image, for people to look at (tmp/screenshots/info_record_pdf-1.png).
    const dir = app.tmpPath('screenshots')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'info_record.pdf'), pdf)
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(dir, 'info_record.pdf'), join(dir, 'info_record_pdf')])
    console.log(`PDF of a 1-page record with a table and a photo: ${(pdf.length / 1024).toFixed(0)} KB in ${elapsed.toFixed(0)} ms`)
  })

  test('every download is watermarked for its downloader: two people get different PDFs, each naming only themselves', async ({ client, assert }) => {
    const { record } = await recordIn('published')
    const [first, second] = [await createUser(), await createUser()]
    const a = (await poppler((await asBytes(client.get(`/info/${record.id}/pdf`).loginAs(first))).body() as unknown as Buffer)).text.replace(/\s+/g, '')
    const b = (await poppler((await asBytes(client.get(`/info/${record.id}/pdf`).loginAs(second))).body() as unknown as Buffer)).text.replace(/\s+/g, '')
    assert.include(a, first.maskedPhone)
    assert.notInclude(a, second.maskedPhone)
    assert.include(b, second.maskedPhone)
  })

  test('a 10-page record: every page has the footer and the watermark', async ({ client, assert }) => {
    const { record } = await recordIn('published')
    record.body = Array.from({ length: 180 }, (_, i) => `<p>第 ${i + 1} 段：锦江区柑橘产业发展的情况说明，包括种植面积、品种结构、市场销售和技术推广等方面的内容，供参考。</p>`).join('')
    await record.save()
    const user = await createUser()
    const started = performance.now()
    const pdf = (await asBytes(client.get(`/info/${record.id}/pdf`).loginAs(user))).body() as unknown as Buffer
    const elapsed = performance.now() - started
    const { info, text } = await poppler(pdf)
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    assert.isAtLeast(pages, 9)
    const perPage = text.split('\f').filter((page) => page.trim())
    assert.lengthOf(perPage, pages)
    for (const page of perPage) {
      const flat = page.replace(/\s+/g, '')
      assert.include(flat, '权属单位：')
      assert.include(flat, user.maskedPhone)
    }
    console.log(`PDF of ${pages} pages: ${(pdf.length / 1024).toFixed(0)} KB in ${elapsed.toFixed(0)} ms`)
  })

  test('only published records download: guests go to login, drafts and records under review are 404 even to their author', async ({ client }) => {
    const published = await recordIn('published')
    const guest = await client.get(`/info/${published.record.id}/pdf`).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/login')
    for (const state of ['draft', 'submitted', 'reviewed'] as const) {
      const { record, author } = await recordIn(state)
      ;(await client.get(`/info/${record.id}/pdf`).loginAs(author)).assertStatus(404)
    }
    ;(await client.get('/info/999999999/pdf').loginAs(published.author)).assertStatus(404)
  })

  test('the public page: a download button for the signed-in, a login link for guests', async ({ client, assert }) => {
    const { record } = await recordIn('published')
    const guest = (await client.get(`/info/${record.id}`)).text()
    assert.include(guest, '登录后下载 PDF')
    assert.notInclude(guest, `/info/${record.id}/pdf`)
    const signedIn = (await client.get(`/info/${record.id}`).loginAs(await createUser())).text()
    assert.include(signedIn, `href="/info/${record.id}/pdf"`)
    assert.include(signedIn, '下载 PDF')
  })

  test('without the CJK font installed: a Chinese page (503) instead of a crash, nothing audited', async ({ client, assert }) => {
    const { record } = await recordIn('published')
    const installed = PDF_FONT.path
    PDF_FONT.path = '/nonexistent/wqy-microhei.ttc'
    try {
      const response = await client.get(`/info/${record.id}/pdf`).loginAs(await createUser())
      response.assertStatus(503)
      response.assertTextIncludes('服务器缺少中文字体，PDF 暂时无法生成')
    } finally {
      PDF_FONT.path = installed
    }
    assert.isNull(await AuditEntry.query().where({ action: 'info.record_downloaded', subject_id: String(record.id) }).first())
  })
})
