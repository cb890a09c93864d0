import { createReadStream } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { type Readable } from 'node:stream'
import drive from '@adonisjs/drive/services/main'
import type { Disk } from '@adonisjs/drive'
import { FSDriver } from '@adonisjs/drive/drivers/fs'
import type { S3Client } from '@aws-sdk/client-s3'
import type { ByteRange } from '#core/media/range'

let replacement: Disk | null = null

/** The disk chosen by DRIVE_DISK (config/drive.ts). */
export function mediaDisk() {
  return replacement ?? drive.use()
}

/**
 * Tests only: runs the whole media flow on another disk (the S3 test's local bucket)
 * until called again without one.
 */
export function useMediaDisk(disk: Disk | null) {
  replacement = disk
}

const s3Clients = new WeakMap<object, S3Client>()

/**
 * A stored file, or only the bytes of `range`. Drive reads whole files; a phone seeking
 * in a 50 MB video asks for a few hundred KB, so ranged reads go to the disk directly:
 * a positioned read on the local disk, a ranged GetObject on S3.
 */
export async function readStored(key: string, range?: ByteRange | null, disk: Disk = mediaDisk()): Promise<Readable> {
  if (!range) return disk.getStream(key)

  const driver = disk.driver
  if (driver instanceof FSDriver) {
    const location = driver.options.location
    const root = location instanceof URL ? fileURLToPath(location) : location
    return createReadStream(join(root, key), { start: range.start, end: range.end })
  }

  const { S3Driver } = await import('@adonisjs/drive/drivers/s3')
  if (driver instanceof S3Driver) {
    const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3')
    const options = driver.options as typeof driver.options & { client?: S3Client }
    let client = options.client ?? s3Clients.get(driver)
    if (!client) {
      client = new S3Client(options)
      s3Clients.set(driver, client)
    }
    const object = await client.send(
      new GetObjectCommand({ Bucket: options.bucket, Key: key, Range: `bytes=${range.start}-${range.end}` })
    )
    return object.Body as Readable
  }

  throw new Error(`Ranged reads are not implemented for ${driver.constructor.name}`)
}
