import type { HttpContext } from '@adonisjs/core/http'
import type Media from '#core/media/media'
import type { MediaVariant } from '#core/media/media'
import { parseRange } from '#core/media/range'
import { readStored } from '#core/media/storage'

/** A public id names one file forever (a new upload gets a new id), so caches may keep it. */
const PUBLIC_CACHE = 'public, max-age=31536000, immutable'
/** Private files are revalidated on every view: access can be withdrawn (a scope revoked). */
const PRIVATE_CACHE = 'private, no-cache'

/**
 * Streams a stored variant with range support (206 / 416), so phones can seek in a
 * video without downloading all of it. The storage key never reaches the client.
 */
export async function sendMedia({ request, response }: HttpContext, media: Media, variant: MediaVariant, key: string) {
  const size = variant === 'thumb' ? media.thumbSize! : media.size
  const etag = `"${media.publicId}-${variant}"`
  response.header('Content-Type', media.contentType)
  response.header('Cache-Control', media.visibility === 'public' ? PUBLIC_CACHE : PRIVATE_CACHE)
  response.header('ETag', etag)
  response.header('Accept-Ranges', 'bytes')
  response.header('X-Content-Type-Options', 'nosniff')
  if (media.kind === 'document') {
    // A document is saved, never rendered by the browser on our origin (a PDF viewer or a
    // mis-sniffed file running as a page); the sandbox is a second lock for old browsers.
    response.header('Content-Disposition', attachmentDisposition(media.fileName ?? 'document'))
    response.header('Content-Security-Policy', "sandbox; default-src 'none'")
  } else {
    response.header('Content-Disposition', 'inline')
  }

  if (request.header('if-none-match') === etag) return response.status(304).send('')

  // If-Range with another validator: the client's partial copy is stale, send everything.
  const ifRange = request.header('if-range')
  const range = ifRange && ifRange !== etag ? null : parseRange(request.header('range'), size)
  if (range === 'unsatisfiable') {
    response.header('Content-Range', `bytes */${size}`)
    return response.status(416).send('')
  }
  if (range) {
    response.status(206)
    response.header('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
    response.header('Content-Length', String(range.end - range.start + 1))
  } else {
    response.status(200)
    response.header('Content-Length', String(size))
  }
  return response.stream(await readStored(key, range))
}

/**
 * `attachment` with the name twice (RFC 6266): an ASCII fallback for old clients and
 * the UTF-8 name (a Chinese title) as `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRFC5987(fileName)}`
}

function encodeRFC5987(value: string) {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
