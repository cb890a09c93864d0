import { open } from 'node:fs/promises'
import { inflateRawSync } from 'node:zlib'

export type DocumentFormat = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'doc' | 'xls' | 'ppt'

/** The Content-Type each document is served with. */
export const DOCUMENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
}

/** Positioned reads over a file on disk or bytes in memory. */
interface Source {
  size: number
  read(position: number, length: number): Promise<Buffer>
}

/**
 * What document a file is, from its bytes only (the name and the browser's MIME type are
 * the client's word): a PDF (`%PDF-` at the start and `%%EOF` near the end), an OOXML
 * package (a ZIP whose `[Content_Types].xml` declares the main part of a Word, Excel or
 * PowerPoint document, and that part is in the archive), or a legacy OLE2 compound file
 * (D0 CF 11 E0) whose directory holds the main stream of a .doc, .xls or .ppt. Anything
 * else — an .exe or a web page renamed .pdf, a plain ZIP, an installer (.msi is OLE2 too),
 * macro-enabled Office files — is null.
 */
export async function sniffDocument(input: string | Buffer): Promise<DocumentFormat | null> {
  if (Buffer.isBuffer(input)) return sniffSource(bufferSource(input))
  const handle = await open(input, 'r')
  try {
    const { size } = await handle.stat()
    return await sniffSource({
      size,
      async read(position, length) {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)))
        if (buffer.length === 0) return buffer
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
        return buffer.subarray(0, bytesRead)
      },
    })
  } finally {
    await handle.close()
  }
}

function bufferSource(bytes: Buffer): Source {
  return { size: bytes.length, read: async (position, length) => bytes.subarray(position, position + length) }
}

async function sniffSource(source: Source): Promise<DocumentFormat | null> {
  const head = await source.read(0, 8)
  if (head.length < 8) return null
  try {
    if (head.toString('latin1', 0, 5) === '%PDF-') return (await isPdf(source)) ? 'pdf' : null
    if (head.readUInt32LE(0) === 0x04034b50) return await ooxmlFormat(source)
    if (head.equals(OLE2_SIGNATURE)) return await ole2Format(source)
  } catch {
    // A malformed structure (an offset past the end, a broken deflate stream) is not a document.
  }
  return null
}

/** A PDF ends with `%%EOF` (optionally followed by line ends or a little padding). */
async function isPdf(source: Source) {
  const tail = await source.read(Math.max(0, source.size - 1024), 1024)
  return tail.toString('latin1').includes('%%EOF')
}

// --- OOXML: a ZIP package ---------------------------------------------------------------

const MAIN_PARTS: [DocumentFormat, string][] = [
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'],
]

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

async function ooxmlFormat(source: Source): Promise<DocumentFormat | null> {
  const entries = await zipEntries(source)
  if (!entries) return null
  const names = new Set(entries.map((entry) => entry.name))
  // Macros (vbaProject.bin) are refused whatever the package claims to be.
  if ([...names].some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) return null
  const types = entries.find((entry) => entry.name === '[Content_Types].xml')
  if (!types || types.size > 1024 * 1024) return null
  const xml = (await entryBytes(source, types)).toString('utf8')
  for (const [format, contentType] of MAIN_PARTS) {
    for (const match of xml.matchAll(/<Override\b[^>]*>/g)) {
      const tag = match[0]
      if (attribute(tag, 'ContentType') !== contentType) continue
      const part = attribute(tag, 'PartName')?.replace(/^\//, '')
      if (part && names.has(part)) return format
    }
  }
  return null
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1]
}

/** The central directory's entries (data descriptors leave the local headers' sizes empty). */
async function zipEntries(source: Source): Promise<ZipEntry[] | null> {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535.
  const tailStart = Math.max(0, source.size - 22 - 0xffff)
  const tail = await source.read(tailStart, source.size - tailStart)
  let end = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const count = tail.readUInt16LE(end + 10)
  const directorySize = tail.readUInt32LE(end + 12)
  const directoryOffset = tail.readUInt32LE(end + 16)
  if (count === 0 || count === 0xffff || directoryOffset + directorySize > source.size) return null
  const directory = await source.read(directoryOffset, directorySize)
  const entries: ZipEntry[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) return null
    const nameLength = directory.readUInt16LE(at + 28)
    const extraLength = directory.readUInt16LE(at + 30)
    const commentLength = directory.readUInt16LE(at + 32)
    entries.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

async function entryBytes(source: Source, entry: ZipEntry): Promise<Buffer> {
  const local = await source.read(entry.localOffset, 30)
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new Error('not a local header')
  const dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  const data = await source.read(dataStart, entry.compressedSize)
  if (entry.method === 0) return data
  if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 })
  throw new Error('unsupported compression')
}

// --- OLE2: a compound file ---------------------------------------------------------------

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const END_OF_CHAIN = 0xfffffffe
/** Directory sectors followed at most: 20 MB of 512-byte sectors holding 4 entries each is far more than any document has. */
const MAX_DIRECTORY_SECTORS = 4096

async function ole2Format(source: Source): Promise<DocumentFormat | null> {
  const header = await source.read(0, 512)
  if (header.length < 512) return null
  const shift = header.readUInt16LE(0x1e)
  if (shift !== 9 && shift !== 12) return null
  const sectorSize = 1 << shift
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize

  // The DIFAT: which sectors hold the FAT — 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = []
  for (let i = 0; i < 109; i++) fatSectors.push(header.readUInt32LE(0x4c + i * 4))
  let difatSector = header.readUInt32LE(0x44)
  for (let hops = 0; difatSector < END_OF_CHAIN && hops < 1024; hops++) {
    const sector = await source.read(sectorOffset(difatSector), sectorSize)
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(sector.readUInt32LE(i * 4))
    difatSector = sector.readUInt32LE(sectorSize - 4)
  }
  const nextSector = async (sector: number) => {
    const perSector = sectorSize / 4
    const fatSector = fatSectors[Math.floor(sector / perSector)]
    if (fatSector === undefined || fatSector >= END_OF_CHAIN) return END_OF_CHAIN
    const entry = await source.read(sectorOffset(fatSector) + (sector % perSector) * 4, 4)
    return entry.length === 4 ? entry.readUInt32LE(0) : END_OF_CHAIN
  }

  const streams = new Set<string>()
  let sector = header.readUInt32LE(0x30)
  for (let hops = 0; sector < END_OF_CHAIN && hops < MAX_DIRECTORY_SECTORS; hops++) {
    const bytes = await source.read(sectorOffset(sector), sectorSize)
    for (let at = 0; at + 128 <= bytes.length; at += 128) {
      const nameLength = bytes.readUInt16LE(at + 0x40)
      const type = bytes[at + 0x42]
      if (type === 0 || nameLength < 2 || nameLength > 64) continue
      streams.add(bytes.toString('utf16le', at, at + nameLength - 2))
    }
    sector = await nextSector(sector)
  }
  if (streams.has('Macros') || streams.has('_VBA_PROJECT_CUR') || streams.has('VBA')) return null
  if (streams.has('WordDocument')) return 'doc'
  if (streams.has('Workbook') || streams.has('Book')) return 'xls'
  if (streams.has('PowerPoint Document')) return 'ppt'
  return null
}
