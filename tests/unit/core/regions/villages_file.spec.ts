import { test } from '@japa/runner'
import { decodeCsv, looksLikeFormula, parseCsv } from '#core/spreadsheets/csv_reader'
import { MAX_IMPORT_ROWS, readVillageFile } from '#core/regions/villages'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** "510129101001,五星村,晋原街道" as Chinese Excel saves it (GBK): the bytes of each character. */
const GBK: Record<string, number[]> = { 五: [0xce, 0xe5], 星: [0xd0, 0xc7], 村: [0xb4, 0xe5], 晋: [0xbd, 0xfa], 原: [0xd4, 0xad], 街: [0xbd, 0xd6], 道: [0xb5, 0xc0] }
const gbk = (text: string) => Uint8Array.from([...text].flatMap((char) => GBK[char] ?? [char.charCodeAt(0)]))

test.group('csv reader (#core/spreadsheets/csv_reader)', () => {
  test('quoted cells with commas, quotes and line breaks; CRLF, LF and CR rows; blank rows skipped', ({ assert }) => {
    const { rows } = parseCsv('a,"b,c","say ""hi"""\r\n\r\n"multi\nline",x\ry\n  \n,,\n')
    assert.deepEqual(rows, [
      { line: 1, cells: ['a', 'b,c', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', 'x'] },
      { line: 5, cells: ['y'] },
    ])
  })

  test('a UTF-8 BOM is dropped; bytes that are not UTF-8 are read as GBK', ({ assert }) => {
    assert.deepEqual(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('村')])), { text: '村', encoding: 'utf-8' })
    assert.deepEqual(decodeCsv(gbk('五星村')), { text: '五星村', encoding: 'gbk' })
  })

  test('stops after maxRows and still counts the lines', ({ assert }) => {
    const parsed = parseCsv('1\n2\n3\n4\n5\n', { maxRows: 2 })
    assert.isTrue(parsed.truncated)
    assert.lengthOf(parsed.rows, 2)
    assert.equal(parsed.lines, 6)
  })

  test('formulas are recognised, never evaluated', ({ assert }) => {
    for (const cell of ['=cmd|\' /C calc\'!A0', '+1+1', '-2', '@SUM(A1)', ' =1']) assert.isTrue(looksLikeFormula(cell))
    assert.isFalse(looksLikeFormula('五星村'))
  })
})

test.group('village file (#core/regions/villages readVillageFile)', () => {
  test('a good file with a header and a BOM: rows in order, township from the code', ({ assert }) => {
    const file = utf8('\uFEFF统计用区划代码,村名,所属乡镇\r\n510129101001,五星村,晋原街道\r\n510129101002,金星社区,晋原街道\r\n')
    const read = readVillageFile(file, '510129')
    assert.deepEqual(read.errors, [])
    assert.deepEqual(read.rows, [
      { code: '510129101001', name: '五星村', township: '晋原街道' },
      { code: '510129101002', name: '金星社区', township: '晋原街道' },
    ])
  })

  test('GBK without a header reads the same', ({ assert }) => {
    const read = readVillageFile(gbk('510129101001,五星村,晋原街道\r\n'), '510129')
    assert.deepEqual(read.rows, [{ code: '510129101001', name: '五星村', township: '晋原街道' }])
  })

  test('another county, a duplicate, 11 digits, a township code, a formula, English names: each line with its reason', ({ assert }) => {
    const file = utf8(
      [
        '510129101001,五星村,晋原街道',
        '510104001001,锦官村,春熙路街道',
        '510129101001,重复村,晋原街道',
        '51012910100,短码村,晋原街道',
        '510129101000,乡镇码,晋原街道',
        "=cmd|' /C calc'!A0,公式村,晋原街道",
        "510129101005,=HYPERLINK(\"http://x\"),晋原街道",
        '510129101006,Wuxing,晋原街道',
        '510129101007,新村,Jinyuan',
        '510129101008,新民村,另一个名',
      ].join('\n')
    )
    const read = readVillageFile(file, '510129')
    assert.deepEqual(
      read.errors.map((error) => [error.line, error.key]),
      [
        [2, 'code_other_county'],
        [3, 'code_duplicate'],
        [4, 'code_length'],
        [5, 'code_township'],
        [6, 'formula'],
        [7, 'formula'],
        [8, 'name_not_chinese'],
        [9, 'township_not_chinese'],
        [10, 'township_two_names'],
      ]
    )
    assert.deepEqual(read.errors[1].data, { code: '510129101001', line: 1 })
    assert.deepEqual(read.errors[2].data, { code: '51012910100', length: 11 })
    assert.equal(read.errorCount, 9)
  })

  test('a 100,000-line file is refused whole without reading every line; an empty file and a workbook are refused', ({ assert }) => {
    const big = utf8(Array.from({ length: 100_000 }, (_, i) => `510129${String(101000 + (i % 999) + 1)},村${i},晋原街道`).join('\n'))
    const started = performance.now()
    const read = readVillageFile(big, '510129')
    assert.isBelow(performance.now() - started, 1500)
    assert.deepEqual(read.errors, [{ line: 0, key: 'too_many_lines', data: { lines: 100_000, max: MAX_IMPORT_ROWS } }])
    assert.deepEqual(readVillageFile(utf8('\n\n  \n'), '510129').errors[0].key, 'empty')
    assert.deepEqual(readVillageFile(Uint8Array.from([0x50, 0x4b, 3, 4, 0]), '510129').errors[0].key, 'workbook')
  })
})
