import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#core/media/media'
import { MediaRejectedError, type RejectionReason } from '#core/media/errors'
import { sniffDocument } from '#core/media/document_sniff'
import { DOCUMENT_MAX_BYTES, documentFileName, storeAttachment, storeDocument, type StoreOptions } from '#core/media/media_service'
import { attachmentDisposition } from '#core/media/serve'
import { mediaDisk } from '#core/media/storage'
import { createUser } from '#tests/helpers'
import { HTML_AS_JPG, mp4Bytes, smallPhoto, uploadFrom } from '#tests/fixtures/media/generate'
import { EXE_BYTES, HTML_AS_PDF, ole2Bytes, ooxmlBytes, pdfBytes, zipBytes } from '#tests/fixtures/media/documents'
import { xlsxBytes } from '#core/spreadsheets/xlsx_writer'

async function realXlsx() {
  const chunks: Buffer[] = []
  const rows = (async function* () {
    yield [['成都', 1]]
  })()
  for await (const chunk of xlsxBytes('表', ['地区', '数量'], rows)) chunks.push(chunk)
  return Buffer.concat(chunks)
}

async function rejected(promise: Promise<unknown>): Promise<MediaRejectedError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof MediaRejectedError) return error
    throw error
  }
  throw new Error('the upload was accepted')
}

async function options(overrides: Partial<StoreOptions> = {}): Promise<StoreOptions> {
  return { owner: overrides.owner ?? (await createUser()), visibility: 'private', countyCode: '510104', ...overrides }
}

const countMedia = () => Media.query().count('* as n').firstOrFail().then((row) => Number(row.$extras.n))

test.group('Media / documents recognised by their bytes', () => {
  test('PDF, OOXML (Word, PowerPoint, the streaming xlsx writer\'s Excel) and legacy OLE2 files', async ({ assert }) => {
    assert.equal(await sniffDocument(await pdfBytes()), 'pdf')
    assert.equal(await sniffDocument(ooxmlBytes('docx')), 'docx')
    assert.equal(await sniffDocument(ooxmlBytes('pptx')), 'pptx')
    assert.equal(await sniffDocument(ooxmlBytes('xlsx')), 'xlsx')
    // Data descriptors: the local headers carry no sizes, only the central directory does.
    assert.equal(await sniffDocument(await realXlsx()), 'xlsx')
    assert.equal(await sniffDocument(ole2Bytes('WordDocument')), 'doc')
    assert.equal(await sniffDocument(ole2Bytes('Workbook')), 'xls')
    assert.equal(await sniffDocument(ole2Bytes('Book')), 'xls')
    assert.equal(await sniffDocument(ole2Bytes('PowerPoint Document')), 'ppt')
    // The directory followed through the FAT across sectors.
    assert.equal(await sniffDocument(ole2Bytes('WordDocument', 3)), 'doc')
  })

  test('from a file on disk as well as from bytes', async ({ assert }) => {
    const upload = await uploadFrom(ooxmlBytes('docx'), 'x.bin')
    assert.equal(await sniffDocument(upload.tmpPath), 'docx')
  })

  test('renamed or look-alike files are nothing: an .exe, HTML, a photo, a video, a plain ZIP, a macro document, an installer', async ({ assert }) => {
    assert.isNull(await sniffDocument(EXE_BYTES))
    assert.isNull(await sniffDocument(HTML_AS_PDF))
    assert.isNull(await sniffDocument(HTML_AS_JPG))
    assert.isNull(await sniffDocument(await smallPhoto()))
    assert.isNull(await sniffDocument(mp4Bytes(1000)))
    assert.isNull(await sniffDocument(Buffer.alloc(0)))
    // A ZIP (an .apk or .jar is one too) that is no Office package.
    assert.isNull(await sniffDocument(zipBytes([['classes.dex', 'dex\n035'], ['AndroidManifest.xml', '<manifest/>']])))
    // [Content_Types].xml names a main part the archive does not have.
    assert.isNull(await sniffDocument(ooxmlBytes('docx', { withoutMainPart: true })))
    assert.isNull(await sniffDocument(ooxmlBytes('docm')))
    // An OLE2 file with none of the Office streams (an .msi installer), or with macros.
    assert.isNull(await sniffDocument(ole2Bytes('SummaryInformation')))
    assert.isNull(await sniffDocument(ole2Bytes('Macros')))
  })

  test('truncated or corrupt structures are nothing, and never throw', async ({ assert }) => {
    const pdf = await pdfBytes()
    assert.isNull(await sniffDocument(pdf.subarray(0, pdf.length - 200)))
    const docx = ooxmlBytes('docx')
    assert.isNull(await sniffDocument(docx.subarray(0, docx.length - 30)))
    const broken = Buffer.from(docx)
    broken.writeUInt32LE(0x7fffffff, broken.length - 6) // the central directory "offset"
    assert.isNull(await sniffDocument(broken))
    const ole = ole2Bytes('WordDocument')
    assert.isNull(await sniffDocument(ole.subarray(0, 600)))
    const badShift = Buffer.from(ole)
    badShift.writeUInt16LE(15, 0x1e)
    assert.isNull(await sniffDocument(badShift))
  })
})

test.group('Media / storing documents', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a PDF is stored as uploaded, with its real type and a clean name to save it as', async ({ assert }) => {
    const bytes = await pdfBytes()
    const media = await storeDocument({ ...(await uploadFrom(bytes, 'a.pdf')), clientName: '..\\产业报告"2026".pdf' }, await options())
    assert.equal(media.kind, 'document')
    assert.equal(media.contentType, 'application/pdf')
    assert.equal(media.fileName, '产业报告2026.pdf')
    assert.equal(media.size, bytes.length)
    assert.notExists(media.thumbKey)
    assert.match(media.storageKey, /^documents\/.{2}\/[A-Za-z0-9_-]{22}\.pdf$/)
    assert.deepEqual(Buffer.from(await mediaDisk().getBytes(media.storageKey)), bytes)
  })

  test('an .exe or a web page named .pdf is refused with the Chinese message key, and nothing is stored', async ({ assert }) => {
    const before = await countMedia()
    for (const bytes of [EXE_BYTES, HTML_AS_PDF]) {
      const error = await rejected(storeDocument({ ...(await uploadFrom(bytes)), clientName: 'report.pdf' }, { ...(await options()), field: 'attachments' }))
      assert.equal(error.reason satisfies RejectionReason, 'document_type')
      assert.equal(error.field, 'attachments')
    }
    assert.equal(await countMedia(), before)
  })

  test('over 20 MB is refused before reading it', async ({ assert }) => {
    const upload = await uploadFrom(await pdfBytes())
    const error = await rejected(storeDocument({ ...upload, size: DOCUMENT_MAX_BYTES + 1 }, await options()))
    assert.equal(error.reason, 'document_too_large')
  })

  test('an attachment is a photo or a document, whichever it is; anything else is not_attachment on the given field', async ({ assert }) => {
    const photo = await storeAttachment(await uploadFrom(await smallPhoto()), await options())
    assert.equal(photo.kind, 'photo')
    const sheet = await storeAttachment({ ...(await uploadFrom(ooxmlBytes('xlsx'))), clientName: '产量.xlsx' }, await options())
    assert.equal(sheet.kind, 'document')
    assert.equal(sheet.fileName, '产量.xlsx')
    const error = await rejected(storeAttachment(await uploadFrom(mp4Bytes(1000)), { ...(await options()), field: 'attachments' }))
    assert.equal(error.reason, 'not_attachment')
    assert.equal(error.field, 'attachments')
    const fakePhoto = await rejected(storeAttachment(await uploadFrom(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100)])), { ...(await options()), field: 'attachments' }))
    assert.equal(fakePhoto.reason, 'photo_type')
    assert.equal(fakePhoto.field, 'attachments')
  })

  test('the saved name: no folders or quotes, the real extension appended, a default when empty', ({ assert }) => {
    assert.equal(documentFileName('C:\\Users\\a\\报告.pdf', 'pdf'), '报告.pdf')
    assert.equal(documentFileName('报告.exe', 'pdf'), '报告.exe.pdf')
    assert.equal(documentFileName('a/b/../"x";<y>.DOCX', 'docx'), 'xy.docx')
    assert.equal(documentFileName(undefined, 'xls'), 'document.xls')
    assert.equal(documentFileName('', 'pdf'), 'document.pdf')
    assert.lengthOf([...documentFileName('长'.repeat(300), 'pdf')], 104)
  })

  test('Content-Disposition: attachment with an ASCII fallback and the UTF-8 name', ({ assert }) => {
    assert.equal(attachmentDisposition('产业报告.pdf'), `attachment; filename="____.pdf"; filename*=UTF-8''%E4%BA%A7%E4%B8%9A%E6%8A%A5%E5%91%8A.pdf`)
    assert.equal(attachmentDisposition("a'b (1).pdf"), `attachment; filename="a'b (1).pdf"; filename*=UTF-8''a%27b%20%281%29.pdf`)
  })
})
