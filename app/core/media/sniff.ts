import { open } from 'node:fs/promises'

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'gif'
export type VideoFormat = 'mp4' | 'webm'
export type Sniffed = { kind: 'photo'; format: PhotoFormat } | { kind: 'video'; format: VideoFormat } | null

/**
 * ISO-BMFF major brands of MP4 video. HEIC/AVIF photos and QuickTime (.mov) are ISO-BMFF
 * too, but browsers on our users' phones do not reliably play them.
 */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'dash', 'mmp4', 'MSNV'])

const ascii = (bytes: Buffer, start: number, end: number) => bytes.toString('latin1', start, end)

/** What a file is, from its first bytes only: the name and the browser's MIME type are the client's word. */
export function sniff(head: Buffer): Sniffed {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'photo', format: 'jpeg' }
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { kind: 'photo', format: 'png' }
  }
  if (/^GIF8[79]a$/.test(ascii(head, 0, 6))) return { kind: 'photo', format: 'gif' }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { kind: 'photo', format: 'webp' }
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp' && head.readUInt32BE(0) >= 12 && MP4_BRANDS.has(ascii(head, 8, 12))) {
    return { kind: 'video', format: 'mp4' }
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3 && ebmlDocType(head) === 'webm') return { kind: 'video', format: 'webm' }
  return null
}

/** The DocType element (id 0x4282) of an EBML header: "webm", or "matroska" for .mkv. */
function ebmlDocType(head: Buffer): string | null {
  for (let i = 4; i < head.length - 2; i++) {
    if (head[i] !== 0x42 || head[i + 1] !== 0x82) continue
    const sizeByte = head[i + 2]
    // A one-byte EBML size: the top bit set, the rest the length.
    if ((sizeByte & 0x80) === 0) return null
    const length = sizeByte & 0x7f
    return ascii(head, i + 3, i + 3 + length)
  }
  return null
}

/** The first bytes of a file, enough for `sniff`. */
export async function readHead(path: string, bytes = 64): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
