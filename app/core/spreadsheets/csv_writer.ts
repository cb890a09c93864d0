/*
 * CSV as Excel opens it: UTF-8 with a BOM (so Chinese is not read as GBK), CRLF rows,
 * streamed a batch of rows at a time.
 */

/**
 * A cell as Excel reads it: quoted when it holds a comma, quote or line break, and
 * text that would start a formula (=, +, -, @) prefixed with ' so that a farmer's
 * message can never run in a staff member's spreadsheet.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  let text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  if (/[",\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`
  return text
}

const BOM = '\uFEFF'

export async function* csvBytes(header: string[], rows: AsyncIterable<(string | number)[][]>): AsyncGenerator<Buffer> {
  yield Buffer.from(BOM + header.map(csvCell).join(',') + '\r\n')
  for await (const batch of rows) {
    let chunk = ''
    for (const cells of batch) chunk += cells.map(csvCell).join(',') + '\r\n'
    yield Buffer.from(chunk)
  }
}
