/*
 * Reading a CSV a person saved from Excel or WPS: UTF-8 (with or without a BOM) or,
 * as Chinese Excel saves "CSV (逗号分隔)", GBK; quoted cells with commas, quotes and
 * line breaks; CRLF, LF or CR rows. Cells come back as text, never evaluated: a cell
 * that looks like a formula is only text here, and the caller decides to refuse it.
 */

export interface CsvLine {
  /** 1-based line of the file where the row starts (what a person sees in a text editor). */
  line: number
  cells: string[]
}

export type CsvEncoding = 'utf-8' | 'gbk'

/** A ZIP (an .xlsx saved as is) or a legacy .xls starts with these bytes. */
export function looksLikeWorkbook(bytes: Uint8Array) {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  return zip || ole
}

/** The text of the file: a UTF-8 BOM is dropped; bytes that are not valid UTF-8 are read as GBK. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gbk').decode(body), encoding: 'gbk' }
  }
}

/** Whether text would start a formula in a spreadsheet (=, +, -, @, or a tab/CR before one). */
export function looksLikeFormula(cell: string) {
  return /^[\t\r ]*[=+\-@]/.test(cell)
}

/**
 * The rows of a CSV text (RFC 4180, as Excel writes it). Blank rows are skipped; cells
 * are trimmed. Stops after `maxRows` rows and says so (`truncated`), so a huge file
 * costs no more than the rows the caller accepts.
 */
export function parseCsv(text: string, options: { maxRows?: number } = {}): { rows: CsvLine[]; truncated: boolean; lines: number } {
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY
  const rows: CsvLine[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowStart = 1
  let truncated = false
  const endRow = () => {
    cells.push(cell)
    cell = ''
    if (cells.some((value) => value.trim() !== '')) {
      if (rows.length >= maxRows) truncated = true
      else rows.push({ line: rowStart, cells: cells.map((value) => value.trim()) })
    }
    cells = []
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (char === '\n') line++
        cell += char
      }
      continue
    }
    if (char === '"' && cell.trim() === '') {
      cell = ''
      quoted = true
    } else if (char === ',') {
      cells.push(cell)
      cell = ''
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
      rowStart = line
      if (truncated) break
    } else cell += char
  }
  if (!truncated && (cell !== '' || cells.length)) endRow()
  // Count the file's lines even when reading stopped (for the message), cheaply.
  let lines = line
  if (truncated) {
    lines = 1
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++
  }
  return { rows, truncated, lines }
}
