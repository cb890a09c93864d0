export interface ByteRange {
  start: number
  end: number
}

/**
 * A `Range` request header against a file of `size` bytes (RFC 9110 §14):
 * - `null`: serve the whole file (no header, another unit, or several ranges — which
 *   a server may answer with the whole file, and video players never ask for);
 * - `'unsatisfiable'`: answer 416 (a malformed byte range, or one that starts past the end);
 * - a range, its end clipped to the last byte.
 */
export function parseRange(header: string | undefined | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header)
  if (!match) return null
  const spec = match[1].trim()
  if (spec.includes(',')) return null

  const parts = /^(\d*)\s*-\s*(\d*)$/.exec(spec)
  if (!parts || (parts[1] === '' && parts[2] === '')) return 'unsatisfiable'
  if (size === 0) return 'unsatisfiable'

  if (parts[1] === '') {
    // "bytes=-500": the last 500 bytes.
    const length = Number(parts[2])
    if (length === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(parts[1])
  const end = parts[2] === '' ? size - 1 : Math.min(Number(parts[2]), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}
