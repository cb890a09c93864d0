import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { processPhoto } from '#core/media/photo'
import { mediaDisk } from '#core/media/storage'
import { CopyWriter } from '#database/factories/plan_scale/copy'
import type { ModuleGenerationContext } from '#database/factories/plan_scale/module_generators'
import { MEDIA_SUBJECT } from '#modules/experts/consultations/submit_consultation'

/**
 * Photos of generated consultations (issue 19 §5): without them no photo-bearing page was
 * ever measured. A farmer reports a sick leaf or animal with a picture more often than
 * not on the predecessor; here SHARE of the cases carry one to three, private as
 * 报需求 stores them. The files are up to POOL_MAX phone-sized pictures made by sharp and turned
 * into the stored WebP and thumbnail by the media service's own processPhoto, written
 * through the media disk under its key layout; the media rows (one per case photo, each
 * with its own public id) share the pool's files — a million distinct files would cost
 * the bench gigabytes and nothing a page does differs. Deleting one such row in the bench
 * database would take the pool file with it: nobody does there.
 */
const SHARE = 0.35
/** Pool size: one picture per this many cases, at most POOL_MAX (a toy run makes a few). */
const CASES_PER_PHOTO = 5_000
const POOL_MAX = 120

export async function generate({ connect, random, log }: ModuleGenerationContext): Promise<number> {
  const client = await connect()
  await client.query(`DELETE FROM media WHERE subject_type = $1`, [MEDIA_SUBJECT])

  const cases = await client.query(`SELECT id, reporter_id, county_code, created_at FROM experts_consultations ORDER BY id`)
  const pool = await makePool(random, Math.min(POOL_MAX, Math.ceil(cases.rowCount! / CASES_PER_PHOTO)))
  log(`  ${pool.length} photos in the pool: ${Math.round(pool.reduce((sum, photo) => sum + photo.size, 0) / pool.length / 1024)} KB WebP on average, thumbnail ${Math.round(pool.reduce((sum, photo) => sum + photo.thumbSize, 0) / pool.length / 1024)} KB`)

  const writer = new CopyWriter(await connect(), 'media', [
    'public_id', 'owner_id', 'kind', 'visibility', 'county_code', 'subject_type', 'subject_id', 'content_type',
    'storage_key', 'size', 'thumb_key', 'thumb_size', 'width', 'height', 'created_at',
  ])
  for (const row of cases.rows) {
    if (!random.chance(SHARE)) continue
    const count = random.chance(0.5) ? 1 : random.chance(0.6) ? 2 : 3
    for (let n = 0; n < count; n++) {
      const photo = random.pick(pool)
      writer.add([
        publicId(random), row.reporter_id, 'photo', 'private', row.county_code, MEDIA_SUBJECT, row.id, 'image/webp',
        photo.storageKey, photo.size, photo.thumbKey, photo.thumbSize, photo.width, photo.height, row.created_at,
      ])
    }
    await writer.drain()
  }
  await writer.end()
  await client.query('ANALYZE media')
  return writer.rows
}

interface PoolPhoto {
  storageKey: string
  thumbKey: string
  size: number
  thumbSize: number
  width: number
  height: number
}

const noise = (width: number, height: number, sigma: number, background: { r: number; g: number; b: number }) =>
  sharp({ create: { width: Math.round(width), height: Math.round(height), channels: 3, background, noise: { type: 'gaussian', mean: 0, sigma } } })

/** Phone-camera-like JPEGs (4:3, 3 MP, a field colour with detail), stored as uploads are: about 100 KB WebP and 7 KB thumbnails. */
/** Like the media service's, 16 bytes in base64url, but from the seed: the same seed, the same data. */
const publicId = (random: ModuleGenerationContext['random']) => Buffer.from(Array.from({ length: 16 }, () => random.int(0, 255))).toString('base64url')

async function makePool(random: ModuleGenerationContext['random'], size: number): Promise<PoolPhoto[]> {
  const folder = await mkdtemp(join(tmpdir(), 'case-photos-'))
  const disk = mediaDisk()
  const pool: PoolPhoto[] = []
  try {
    for (let i = 0; i < size; i++) {
      const path = join(folder, `${i}.jpg`)
      const [width, height] = random.chance(0.7) ? [2048, 1536] : [1536, 2048]
      const background = { r: random.int(40, 140), g: random.int(90, 180), b: random.int(20, 90) }
      // Detail at every scale, as leaves have: coarse blotches (they survive the
      // thumbnail) under fine grain (it survives the 1280 px WebP).
      const blotches = await noise(width / 6.4, height / 6.4, random.int(40, 80), background).png().toBuffer()
      const grain = await noise(width, height, random.int(25, 50), { r: 128, g: 128, b: 128 }).png().toBuffer()
      await sharp(blotches).resize(width, height, { kernel: 'cubic' }).composite([{ input: grain, blend: 'soft-light' }]).jpeg({ quality: 85 }).toFile(path)
      const photo = await processPhoto(path, 'jpeg')
      const id = `generated${String(i).padStart(4, '0')}`
      const storageKey = `photos/ge/${id}.webp`
      const thumbKey = `photos/ge/${id}.thumb.webp`
      await disk.put(storageKey, photo.large, { contentType: 'image/webp' })
      await disk.put(thumbKey, photo.thumb, { contentType: 'image/webp' })
      pool.push({ storageKey, thumbKey, size: photo.large.length, thumbSize: photo.thumb.length, width: photo.width, height: photo.height })
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
  return pool
}
