import { once } from 'node:events'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

/**
 * Rows into one table through `COPY … FROM STDIN` (text format), buffered into
 * large chunks: the fastest way Postgres takes millions of rows, and the generator
 * keeps one writer per table open on its own connection so that Postgres parses
 * the tables in parallel while Node produces the next rows.
 */
export type CopyValue = string | number | boolean | null | undefined | Date | string[]

const CHUNK_CHARS = 1 << 18
const SPECIAL = /[\\\t\n\r]/

export class CopyWriter {
  readonly #stream: ReturnType<typeof copyFrom>
  readonly #done: Promise<void>
  #buffer = ''
  #rows = 0

  constructor(client: pg.Client, table: string, columns: string[]) {
    this.#stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`))
    this.#done = new Promise((resolve, reject) => {
      this.#stream.on('finish', () => resolve())
      this.#stream.on('error', reject)
    })
    // The promise is awaited in end(); an early error must not be an unhandled rejection.
    this.#done.catch(() => {})
  }

  get rows() {
    return this.#rows
  }

  /** Adds one row; call `drain()` now and then so that memory stays flat. */
  add(values: CopyValue[]) {
    let line = ''
    for (const [index, value] of values.entries()) {
      if (index > 0) line += '\t'
      line += encode(value)
    }
    this.#buffer += line + '\n'
    this.#rows++
  }

  /** Hands the buffer to the connection; waits if Postgres is behind. */
  async drain() {
    if (this.#buffer.length < CHUNK_CHARS) return
    const chunk = this.#buffer
    this.#buffer = ''
    if (!this.#stream.write(chunk)) await Promise.race([once(this.#stream, 'drain'), this.#done])
  }

  async end() {
    if (this.#buffer) this.#stream.write(this.#buffer)
    this.#buffer = ''
    this.#stream.end()
    await this.#done
  }
}

function encode(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'string') return SPECIAL.test(value) ? escape(value) : value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (value instanceof Date) return value.toISOString()
  return escape(`{${value.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)
}

function escape(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (char) => (char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r'))
}

/** Epoch milliseconds → a timestamptz literal (null stays null). */
export function at(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString()
}
