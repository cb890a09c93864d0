import { once } from 'node:events'
import zlib from 'node:zlib'

/*
 * A minimal streaming XLSX (one worksheet, inline strings, no styles): a ZIP whose
 * sheet entry is deflated as rows arrive, sizes and CRC in data descriptors. exceljs's
 * WorkbookWriter was tried first: its archiver pipe is not read until the workbook is
 * committed, so a 100 k-row sheet sat in memory (≈ 110 MB); here memory is one batch.
 */

const te = new TextEncoder()
/** Rows of sheet XML handed to deflate at once. */
const ROWS_PER_CHUNK = 200

const STATIC_FILES: [string, string][] = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ],
]

const workbookXml = (sheetName: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
  `<sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`

/** Text as XML character data; characters XML 1.0 forbids (control codes) are dropped. */
export function escapeXml(text: string) {
  // eslint-disable-next-line no-control-regex -- matching control codes is the point: XML 1.0 forbids them
  if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF<>&"]/.test(text)) return text
  return text
    // eslint-disable-next-line no-control-regex -- as above
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'))
}

function columnName(index: number) {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** One `<row>`: numbers as numbers, everything else as inline strings. */
export function rowXml(rowNumber: number, cells: (string | number)[]) {
  let xml = `<row r="${rowNumber}">`
  cells.forEach((value, index) => {
    const ref = `${columnName(index)}${rowNumber}`
    if (typeof value === 'number') xml += `<c r="${ref}"><v>${value}</v></c>`
    else if (value !== '') xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`
  })
  return xml + '</row>'
}

interface Entry {
  name: Uint8Array
  crc: number
  compressed: number
  size: number
  offset: number
}

// DOS date/time of 1980-01-01 00:00: the files carry no meaningful timestamp.
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1
const FLAGS = 0x0808 // sizes in a data descriptor; UTF-8 names

/**
 * The fields a local header (at 4) and a central directory record (at 6) share:
 * version needed, flags, method (deflate), time, date, CRC, sizes, name length.
 * A local header is written before its data, so its CRC and sizes are zero (they
 * follow in the data descriptor, as FLAGS says).
 */
function writeEntryFields(buffer: Buffer, at: number, entry: Pick<Entry, 'name' | 'crc' | 'compressed' | 'size'>) {
  buffer.writeUInt16LE(20, at)
  buffer.writeUInt16LE(FLAGS, at + 2)
  buffer.writeUInt16LE(8, at + 4)
  buffer.writeUInt16LE(DOS_TIME, at + 6)
  buffer.writeUInt16LE(DOS_DATE, at + 8)
  buffer.writeUInt32LE(entry.crc, at + 10)
  buffer.writeUInt32LE(entry.compressed, at + 14)
  buffer.writeUInt32LE(entry.size, at + 18)
  buffer.writeUInt16LE(entry.name.length, at + 22)
}

function localHeader(name: Uint8Array) {
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  writeEntryFields(header, 4, { name, crc: 0, compressed: 0, size: 0 })
  return Buffer.concat([header, name])
}

function dataDescriptor(entry: Entry) {
  const descriptor = Buffer.alloc(16)
  descriptor.writeUInt32LE(0x08074b50, 0)
  descriptor.writeUInt32LE(entry.crc, 4)
  descriptor.writeUInt32LE(entry.compressed, 8)
  descriptor.writeUInt32LE(entry.size, 12)
  return descriptor
}

function centralDirectory(entries: Entry[], offset: number) {
  const records = entries.map((entry) => {
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(20, 4) // version made by
    writeEntryFields(record, 6, entry)
    record.writeUInt32LE(entry.offset, 42)
    return Buffer.concat([record, entry.name])
  })
  const directory = Buffer.concat(records)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([directory, end])
}

/**
 * The workbook's bytes: the small parts, then the sheet deflated chunk by chunk as
 * `rows` yields batches (each batch an array of cell arrays). Pull-based: nothing is
 * read from `rows` until the reader wants more bytes.
 */
export async function* xlsxBytes(sheetName: string, header: string[], rows: AsyncIterable<(string | number)[][]>): AsyncGenerator<Buffer> {
  const entries: Entry[] = []
  let offset = 0

  async function* entry(name: string, content: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const record: Entry = { name: te.encode(name), crc: 0, compressed: 0, size: 0, offset }
    const head = localHeader(record.name)
    offset += head.length
    yield head
    // Level 1: the sheet is repetitive XML and shrinks ~6× anyway; higher levels cost the speed of the export.
    const deflate = zlib.createDeflateRaw({ level: 1 })
    const feed = (async () => {
      for await (const chunk of content) {
        record.crc = zlib.crc32(chunk, record.crc)
        record.size += chunk.length
        if (!deflate.write(chunk)) await once(deflate, 'drain')
      }
      deflate.end()
    })().catch((error) => deflate.destroy(error))
    for await (const out of deflate as AsyncIterable<Buffer>) {
      record.compressed += out.length
      offset += out.length
      yield out
    }
    await feed
    if (offset > 0xffffffff) throw new Error('Workbook over 4 GB: export a shorter range')
    const descriptor = dataDescriptor(record)
    offset += descriptor.length
    entries.push(record)
    yield descriptor
  }

  const once1 = async function* (text: string) {
    yield Buffer.from(text)
  }
  for (const [name, content] of STATIC_FILES) yield* entry(name, once1(content))
  yield* entry('xl/workbook.xml', once1(workbookXml(sheetName)))
  yield* entry(
    'xl/worksheets/sheet1.xml',
    (async function* () {
      yield Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
          rowXml(1, header)
      )
      let rowNumber = 1
      for await (const batch of rows) {
        // A few hundred rows per chunk: a whole batch's XML (a two-byte string, its UTF-8
        // copy, and the next one built while deflate still holds it) cost ≈ 20 MB at once.
        for (let start = 0; start < batch.length; start += ROWS_PER_CHUNK) {
          let xml = ''
          for (const cells of batch.slice(start, start + ROWS_PER_CHUNK)) xml += rowXml(++rowNumber, cells)
          yield Buffer.from(xml)
        }
      }
      yield Buffer.from('</sheetData></worksheet>')
    })()
  )
  yield centralDirectory(entries, offset)
}
