import { test } from '@japa/runner'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import ExcelJS from 'exceljs'
import testUtils from '@adonisjs/core/services/test_utils'
import { clock, DAY } from '#core/clock'
import AuditEntry from '#core/audit/audit_entry'
import { RegionScope } from '#core/regions/region_scope'
import { exportRecords } from '#modules/experts/exports/records'
import { csvCell } from '#core/spreadsheets/csv_writer'
import { recordFollowupCall } from '#modules/experts/followups/followup_calls'
import { createUser, fieldErrors, submitForm } from '#tests/helpers'
import { HEADER, labels } from '#tests/fixtures/experts/exports'
import { makeCase, staffOf } from '#tests/fixtures/experts/consultations'

async function records() {
  const reporters = {
    '510104': await createUser({ county: '510104', roles: ['info_officer'], name: '锦江信息员' }),
    '510105': await createUser({ county: '510105', roles: ['info_officer'], name: '青羊信息员' }),
    '511623': await createUser({ county: '511623', roles: ['info_officer'], name: '邻水信息员' }),
  }
  const jinjiang = await makeCase({ reporter: reporters['510104'], state: 'closed', farmer: { name: '王大爷', phone: '13900000001' } })
  const qingyang = await makeCase({ reporter: reporters['510105'], state: 'closed', industry: 'tea' })
  const linshui = await makeCase({ reporter: reporters['511623'], state: 'closed' })
  return { reporters, jinjiang, qingyang, linshui }
}

function exportCsv(client: any, user: any, form: Record<string, string> = {}) {
  return submitForm(client, '/admin/experts/exports', { format: 'csv', ...form }, user)
}

/** Data lines of a CSV export (header and BOM checked separately). */
function lines(text: string) {
  return text.split('\r\n').slice(1).filter(Boolean)
}

test.group('Exports / page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the form: full page, htmx fragment; staff are told phones are masked, admins that they are not', async ({ client, assert }) => {
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const page = await client.get('/admin/experts/exports').loginAs(staff)
    page.assertStatus(200)
    assert.include(page.text(), '<html')
    assert.include(page.text(), '运管中心工作人员导出的手机号为部分隐藏')
    const fragment = await client.get('/admin/experts/exports').header('HX-Request', 'true').loginAs(staff)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), 'name="format"')
    const admin = await createUser({ roles: ['center_admin'], scopes: { center_admin: '510104' } })
    assert.include((await client.get('/admin/experts/exports').loginAs(admin)).text(), '导出文件中的手机号完整显示')
    ;(await client.get('/admin/experts/exports').loginAs(await createUser())).assertStatus(403)
  })
})

test.group('Exports / CSV within the scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test("a county admin's CSV: BOM, Chinese headers, only its county, full phones, audited with filters and row count", async ({ client, assert }) => {
    const { reporters, jinjiang } = await records()
    const admin = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '510104' } })
    const response = await exportCsv(client, admin)
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(response.header('content-disposition'), /^attachment; filename="records-510104\.csv"; filename\*=UTF-8''/)
    const text = response.text()
    assert.isTrue(text.startsWith('\uFEFF' + HEADER + '\r\n'), 'BOM then Chinese headers')
    const rows = lines(text)
    assert.lengthOf(rows, 1)
    assert.isTrue(rows[0].startsWith(`${jinjiang.id},`))
    assert.include(rows[0], `,成都市,锦江区,川粮油,已关闭,锦江信息员,${reporters['510104'].phone},王大爷,13900000001,`)

    const entry = await AuditEntry.query().where('action', 'experts.export').firstOrFail()
    assert.equal(entry.actorId, admin.id)
    assert.equal(entry.actorRole, 'center_admin')
    assert.equal(entry.countyCode, '510104')
    assert.match(entry.changes!.filters.new as string, /^region=510104 from=\d{4}-\d{2}-\d{2} to=\d{4}-\d{2}-\d{2} industry=\* state=\* format=csv phones=full$/)
    assert.equal(entry.changes!.rows.new, 1)
    assert.equal(entry.changes!.completed.new, true)
  })

  test("a city admin's CSV holds its counties and nothing else", async ({ client, assert }) => {
    const { jinjiang, qingyang, linshui } = await records()
    const admin = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const ids = lines((await exportCsv(client, admin)).text()).map((line) => Number(line.split(',')[0]))
    assert.sameMembers(ids, [Number(jinjiang.id), Number(qingyang.id)])
    assert.notInclude(ids, Number(linshui.id))
    const oneCounty = lines((await exportCsv(client, admin, { region: '510105' })).text())
    assert.deepEqual(oneCounty.map((line) => Number(line.split(',')[0])), [Number(qingyang.id)])
  })

  test('county staff: masked phones; 510105 is 404 and absent from their export', async ({ client, assert }) => {
    const { reporters, jinjiang } = await records()
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const rows = lines((await exportCsv(client, staff)).text())
    assert.deepEqual(rows.map((line) => Number(line.split(',')[0])), [Number(jinjiang.id)])
    assert.include(rows[0], `,${reporters['510104'].maskedPhone},王大爷,139****0001,`)
    assert.notInclude(rows[0], reporters['510104'].phone)
    assert.notInclude(rows[0], '13900000001')

    const neighbour = await exportCsv(client, staff, { region: '510105' })
    neighbour.assertStatus(404)
    assert.notInclude(neighbour.text(), '青羊信息员')
    ;(await exportCsv(client, staff, { region: '510100' })).assertStatus(404)
    const audited = await AuditEntry.query().where('action', 'experts.export')
    assert.lengthOf(audited, 1, 'only the export that happened is audited')
    assert.include(audited[0].changes!.filters.new as string, 'phones=masked')
  })

  test('filters: industry, state and date range', async ({ client, assert }) => {
    const { jinjiang, qingyang } = await records()
    const staff = await staffOf('5101')
    const staffCall = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    await recordFollowupCall(staffCall, 'center_staff', jinjiang.id, { reached: true, serviceValid: true, category: 'diagnosis' })
    const tea = lines((await exportCsv(client, staff, { industry: 'tea' })).text())
    assert.deepEqual(tea.map((line) => Number(line.split(',')[0])), [Number(qingyang.id)])
    const followed = lines((await exportCsv(client, staff, { state: 'followed_up' })).text())
    assert.deepEqual(followed.map((line) => Number(line.split(',')[0])), [Number(jinjiang.id)])
    assert.match(followed[0], /,已回访,.*,是,病虫害诊断,/)
    const day = (offset: number) => new Date(clock.now().getTime() + offset * DAY + 8 * 3600_000).toISOString().slice(0, 10)
    assert.lengthOf(lines((await exportCsv(client, staff, { from: day(-5), to: day(-3) })).text()), 0)
    assert.lengthOf(lines((await exportCsv(client, staff, { from: day(-1), to: day(0) })).text()), 2)
  })

  test('bad input: over 10 years, an invalid date, an unknown format or industry — Chinese messages, nothing exported or audited', async ({ client, assert }) => {
    await records()
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const tooLong = await exportCsv(client, staff, { from: '2015-01-01', to: '2025-01-02' })
    tooLong.assertStatus(302)
    assert.include(fieldErrors(tooLong, 'to'), '日期范围不能超过 10 年')
    const invalid = await exportCsv(client, staff, { from: '2026-02-30' })
    assert.include(fieldErrors(invalid, 'from'), '请输入有效日期')
    const format = await exportCsv(client, staff, { format: 'pdf' })
    assert.include(fieldErrors(format, 'format'), '请选择有效的文件格式')
    const industry = await exportCsv(client, staff, { industry: 'rocket' })
    assert.include(fieldErrors(industry, 'industry'), '请选择有效的产业')
    assert.lengthOf(await AuditEntry.query().where('action', 'experts.export'), 0)
    // A 10-year range exactly is allowed.
    ;(await exportCsv(client, staff, { from: '2015-01-01', to: '2025-01-01' })).assertStatus(200)
  })

  test('a cell that would start a formula is neutralised; commas, quotes and line breaks are quoted', ({ assert }) => {
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
    assert.equal(csvCell('-3'), "'-3")
    assert.equal(csvCell('稻瘟病,穗颈瘟\n严重'), '"稻瘟病,穗颈瘟\n严重"')
    assert.equal(csvCell(12), '12')
  })
})

test.group('Exports / XLSX', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the workbook opens in exceljs with the headers and the scope rows, phones masked for staff', async ({ client, assert }) => {
    const { reporters, jinjiang } = await records()
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const response = await exportCsv(client, staff, { format: 'xlsx' })
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')

    // The same export read back byte for byte (the HTTP client does not keep binary bodies).
    const chunks: Buffer[] = []
    const stream = await exportRecords({
      actor: staff,
      actorRole: 'center_staff',
      ip: null,
      filters: { region: RegionScope.fromPrefix('510104'), from: new Date(Date.now() - 30 * DAY), to: new Date(Date.now() + DAY), fromDay: 'a', toDay: 'b' },
      phones: 'masked',
      format: 'xlsx',
      labels: labels(),
    })
    await pipeline(stream, new Writable({ write: (chunk, _encoding, next) => (chunks.push(chunk), next()) }))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.concat(chunks) as any)
    const sheet = workbook.worksheets[0]
    assert.equal(sheet.name, '服务记录')
    assert.equal((sheet.getRow(1).values as any[]).slice(1).join(','), HEADER)
    const row = (sheet.getRow(2).values as any[]).slice(1)
    assert.equal(row[0], Number(jinjiang.id))
    assert.equal(row[7], reporters['510104'].maskedPhone)
    assert.equal(row[9], '139****0001')
    assert.equal(sheet.rowCount, 2)
    assert.lengthOf(await AuditEntry.query().where('action', 'experts.export'), 2)
  })
})


