import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import type Media from '#core/media/media'
import { mediaDisk } from '#core/media/storage'

/**
 * The CJK font every PDF embeds (subset to the characters used): WenQuanYi Micro Hei from
 * Debian's fonts-wqy-microhei, which `.ci/run` installs — one 5 MB file covering GB 18030's
 * common hanzi, Latin and digits in one sans face, and it needs nothing in node_modules.
 * A test may point it elsewhere (to see the missing-font page).
 */
export const PDF_FONT = { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' }

/** The font file is not installed: the download answers a Chinese page instead of crashing. */
export class PdfFontMissingError extends Error {}

let fontCache: { path: string; bytes: Buffer } | undefined

async function fontBytes(): Promise<Buffer> {
  if (fontCache?.path === PDF_FONT.path) return fontCache.bytes
  try {
    fontCache = { path: PDF_FONT.path, bytes: await readFile(PDF_FONT.path) }
    return fontCache.bytes
  } catch {
    throw new PdfFontMissingError(PDF_FONT.path)
  }
}

export interface PdfRecord {
  title: string
  /** e.g. "地方特色产业 · 产业现状 · 水果 · 四川省成都市锦江区" */
  meta: string
  summary: string
  /** Clean rich text (#core/http/rich_text). */
  body: string
  /** Lines of the organisation's facts (龙头企业, 技术依托单位), already labelled. */
  facts: string[]
  ipOwner: string
  source: string
  photos: Media[]
}

export interface PdfLabels {
  platform: string
  /** Footer of every page, e.g. "权属单位：… · 来源：… · 四川乡村振兴科技在线" */
  footer: string
  /** e.g. "第 {page} / {pages} 页" with the numbers put in */
  page: (page: number, pages: number) => string
  /** The diagonal watermark: who downloaded it and when, and the platform. */
  watermark: string
  /** The statement of ownership under the body. */
  ipNotice: string
}

type Block = { type: 'h2' | 'h3' | 'h4' | 'p' | 'li'; text: string; bold?: boolean; number?: number } | { type: 'table'; rows: { header: boolean; cells: string[] }[] }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])

/**
 * The blocks of clean rich text. It was cleaned by sanitize-html to a handful of tags with
 * escaped text, so reading it back is a matter of walking its tags (no sanitising happens here).
 */
export function blocksOf(clean: string): Block[] {
  const blocks: Block[] = []
  let current: { type: 'h2' | 'h3' | 'h4' | 'p' | 'li'; text: string; number?: number } | null = null
  let table: { header: boolean; cells: string[] }[] | null = null
  let cell: string | null = null
  let row: { header: boolean; cells: string[] } | null = null
  const lists: { ordered: boolean; count: number }[] = []
  const flush = () => {
    if (current && current.text.trim()) blocks.push({ ...current, text: current.text.replace(/[ \t]+/g, ' ').trim() })
    current = null
  }
  const append = (text: string) => {
    if (cell !== null) cell += text
    else if (current) current.text += text
    else if (text.trim()) current = { type: 'p', text }
  }
  for (const match of clean.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    const [, closing, rawTag, text] = match
    if (text !== undefined) {
      append(decode(text))
      continue
    }
    const tag = rawTag.toLowerCase()
    if (tag === 'br') append('\n')
    else if (['p', 'h2', 'h3', 'h4'].includes(tag)) {
      flush()
      if (!closing) current = { type: tag as 'p', text: '' }
    } else if (tag === 'ul' || tag === 'ol') {
      flush()
      if (closing) lists.pop()
      else lists.push({ ordered: tag === 'ol', count: 0 })
    } else if (tag === 'li') {
      flush()
      if (!closing) {
        const list = lists.at(-1)
        if (list) list.count += 1
        current = { type: 'li', text: '', number: list?.ordered ? list.count : undefined }
      }
    } else if (tag === 'table') {
      flush()
      if (closing && table) {
        if (table.length) blocks.push({ type: 'table', rows: table })
        table = null
      } else if (!closing) table = []
    } else if (tag === 'tr') {
      if (closing && row && table) table.push(row)
      row = closing ? null : { header: false, cells: [] }
    } else if (tag === 'td' || tag === 'th') {
      if (closing) {
        if (row && cell !== null) row.cells.push(cell.replace(/\s+/g, ' ').trim())
        cell = null
      } else {
        cell = ''
        if (row && tag === 'th') row.header = true
      }
    }
  }
  flush()
  return blocks
}

/** Photos as JPEG (pdfkit embeds JPEG and PNG; the stored files are WebP). */
async function photoJpegs(photos: Media[]): Promise<Buffer[]> {
  const jpegs: Buffer[] = []
  for (const photo of photos) {
    try {
      const bytes = Buffer.from(await mediaDisk().getBytes(photo.storageKey))
      jpegs.push(await sharp(bytes).jpeg({ quality: 80 }).toBuffer())
    } catch {
      // A file missing from storage leaves its picture out, not the download.
    }
  }
  return jpegs
}

/**
 * The record as a PDF that opens without a password but cannot be changed: encrypted
 * (AES-128) with a random owner password nobody keeps, printing allowed, modifying,
 * copying text, annotating, filling forms and assembling not. Every page has the IP owner
 * and source in its footer and a diagonal watermark naming the downloader and the time.
 */
export async function recordPdf(record: PdfRecord, labels: PdfLabels): Promise<Buffer> {
  const font = await fontBytes()
  const photos = await photoJpegs(record.photos)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 72, left: 56, right: 56 },
    bufferPages: true,
    pdfVersion: '1.7',
    ownerPassword: randomBytes(24).toString('base64url'),
    permissions: {
      printing: 'highResolution',
      modifying: false,
      copying: false,
      annotating: false,
      fillingForms: false,
      contentAccessibility: false,
      documentAssembly: false,
    },
    info: { Title: record.title, Author: record.ipOwner, Creator: labels.platform, Producer: labels.platform },
    lang: 'zh-CN',
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc.registerFont('cjk', font, PDF_FONT.family)
  doc.font('cjk')
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right

  doc.fontSize(20).fillColor('#1a1a1a').text(record.title, { align: 'left' })
  doc.moveDown(0.3)
  doc.fontSize(10).fillColor('#555555').text(record.meta)
  doc.moveDown(0.8)
  if (record.summary) {
    doc.fontSize(12).fillColor('#1a1a1a').text(record.summary)
    doc.moveDown(0.6)
  }
  for (const line of record.facts) doc.fontSize(11).fillColor('#333333').text(line)
  if (record.facts.length) doc.moveDown(0.6)

  for (const block of blocksOf(record.body)) {
    doc.fillColor('#1a1a1a')
    if (block.type === 'table') {
      drawTable(doc, block.rows, width)
      continue
    }
    const size = block.type === 'h2' ? 16 : block.type === 'h3' ? 14 : block.type === 'h4' ? 12.5 : 11.5
    if (block.type.startsWith('h')) doc.moveDown(0.4)
    const text = block.type === 'li' ? `${block.number ? `${block.number}.` : '•'} ${block.text}` : block.text
    doc.fontSize(size).text(text, { indent: block.type === 'li' ? 12 : 0, lineGap: 3, paragraphGap: block.type === 'li' ? 2 : 6 })
  }

  for (const photo of photos) {
    doc.moveDown(0.5)
    const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(photo)
    const scale = Math.min(1, width / image.width, 360 / image.height)
    if (doc.y + image.height * scale > doc.page.height - doc.page.margins.bottom) doc.addPage()
    doc.image(photo, doc.page.margins.left, doc.y, { width: image.width * scale, height: image.height * scale })
    doc.y += image.height * scale
  }

  doc.moveDown(1)
  doc.fontSize(10).fillColor('#555555').text(labels.ipNotice)

  // Footer and watermark on every page, drawn once the pages are all laid out.
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const { left, right, bottom } = doc.page.margins
    const footerWidth = doc.page.width - left - right
    // Below the bottom margin: pdfkit would start a new page if text went there through the flow.
    doc.page.margins.bottom = 0
    doc.fontSize(8.5).fillColor('#666666')
    doc.text(labels.footer, left, doc.page.height - bottom + 18, { width: footerWidth, lineBreak: false, ellipsis: true })
    doc.text(labels.page(i - range.start + 1, range.count), left, doc.page.height - bottom + 32, { width: footerWidth, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottom
    drawWatermark(doc, labels.watermark)
  }
  doc.end()
  return done
}

function drawWatermark(doc: PDFKit.PDFDocument, text: string) {
  const { width, height } = doc.page
  doc.save()
  doc.fontSize(15).fillColor('#9a9a9a').opacity(0.28)
  doc.rotate(-35, { origin: [width / 2, height / 2] })
  for (let y = -height * 0.2; y < height * 1.2; y += 150) {
    for (let x = -width * 0.4; x < width * 1.1; x += 440) doc.text(text, x, y, { lineBreak: false })
  }
  doc.restore()
  doc.opacity(1)
}

function drawTable(doc: PDFKit.PDFDocument, rows: { header: boolean; cells: string[] }[], width: number) {
  const columns = Math.max(...rows.map((row) => row.cells.length), 1)
  const cellWidth = width / columns
  const padding = 4
  const left = doc.page.margins.left
  doc.moveDown(0.3)
  for (const row of rows) {
    doc.fontSize(10)
    const heights = row.cells.map((cell) => doc.heightOfString(cell || ' ', { width: cellWidth - padding * 2 }))
    const height = Math.max(...heights, 12) + padding * 2
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
    const top = doc.y
    for (let c = 0; c < columns; c++) {
      const x = left + c * cellWidth
      if (row.header) doc.rect(x, top, cellWidth, height).fillAndStroke('#eeeeee', '#999999')
      else doc.rect(x, top, cellWidth, height).stroke('#999999')
      doc.fillColor('#1a1a1a').text(row.cells[c] ?? '', x + padding, top + padding, { width: cellWidth - padding * 2 })
    }
    doc.x = left
    doc.y = top + height
  }
  doc.moveDown(0.6)
}
