import sharp, { type OutputInfo, type Sharp } from 'sharp'
import { MediaRejectedError } from '#core/media/errors'
import type { PhotoFormat } from '#core/media/sniff'

export const PHOTO_MAX_BYTES = 15 * 1024 * 1024

/**
 * Decoding happens only below this many pixels. 108 MP phone cameras pass; a
 * decompression bomb (a 50 KB PNG that claims 20000×20000) is refused from its header.
 */
export const PHOTO_MAX_PIXELS = 110_000_000

/**
 * Each variant has a longest edge and a byte budget (DESIGN §7: pages for 2G/3G). A
 * phone photo fits at the first quality; leafy field close-ups, full of fine detail,
 * may need the next step down to stay within the budget.
 */
const LARGE = { edge: 1280, budget: 250 * 1024, qualities: [75, 60, 45] }
const THUMB = { edge: 320, budget: 25 * 1024, qualities: [70, 55, 40] }

export interface ProcessedPhoto {
  large: Buffer
  thumb: Buffer
  width: number
  height: number
}

/** Options for every decode of untrusted input: the pixel limit, and no half-decoded garbage. */
const INPUT = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' } as const

/**
 * Turns an uploaded photo into the stored WebP and its thumbnail: upright (EXIF
 * orientation applied), in sRGB, at most 1280 / 320 px, and without any metadata —
 * no EXIF, GPS, XMP, IPTC or ICC profile (sharp writes none unless asked), so a
 * farmer's location never leaves their phone with the picture.
 */
export async function processPhoto(path: string, expected: PhotoFormat): Promise<ProcessedPhoto> {
  let format: string | undefined
  try {
    format = (await sharp(path, INPUT).metadata()).format
  } catch (error) {
    throw new MediaRejectedError(/pixel limit/i.test(String((error as Error).message)) ? 'photo_too_many_pixels' : 'photo_type')
  }
  // The decoder libvips picked must agree with the signature we recognised.
  if (format !== expected) throw new MediaRejectedError('photo_type')

  let pixels: { data: Buffer; info: OutputInfo }
  try {
    pixels = await sharp(path, INPUT)
      .autoOrient()
      .resize({ width: LARGE.edge, height: LARGE.edge, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
  } catch {
    throw new MediaRejectedError('photo_type')
  }

  const raw = { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } }
  const large = await encodeWithin(() => sharp(pixels.data, raw), LARGE.qualities, LARGE.budget)
  const thumb = await encodeWithin(
    () => sharp(pixels.data, raw).resize({ width: THUMB.edge, height: THUMB.edge, fit: 'inside', withoutEnlargement: true }),
    THUMB.qualities,
    THUMB.budget
  )
  return { large, thumb, width: pixels.info.width, height: pixels.info.height }
}

/** WebP at the first quality that fits the budget (the last one otherwise). */
async function encodeWithin(pipeline: () => Sharp, qualities: number[], budget: number): Promise<Buffer> {
  let output = Buffer.alloc(0)
  for (const quality of qualities) {
    output = await pipeline().webp({ quality, effort: 4 }).toBuffer()
    if (output.length <= budget) break
  }
  return output
}
