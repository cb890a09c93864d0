import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { actingAs } from '#core/accounts/acting'
import { approveList, proposeList } from '#modules/admin/subsidies/subsidy_lists'
import { payeeByIdNumber } from '#modules/admin/subsidies/payees'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { BAD_CARD, BAD_ID_NUMBER, CARD, ID_NUMBER, OTHER_ID_NUMBER, readyCounty, YEAR } from '#tests/fixtures/admin/subsidies'
import { downloadedSheet, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'

const payeeForm = (changes: Record<string, string> = {}) => ({ holder_name: '张专家', bank_name: '成都农商银行', id_number: ID_NUMBER, card_number: CARD, ...changes })
const payeeRow = (userId: number) => db.rawQuery('SELECT * FROM admin_subsidy_payees WHERE user_id = ?', [userId]).then((result) => result.rows[0])
const audits = (action: string) => db.from('audit_log').where('action', action).orderBy('id')

/** Every run of 4 or more digits of a number that appears in `text` (the masked forms keep 6 and 4). */
function digitsLeaked(text: string, number: string) {
  const leaks = []
  for (let start = 0; start + 7 <= number.length; start++) if (text.includes(number.slice(start, start + 7))) leaks.push(number.slice(start, start + 7))
  return leaks
}

test.group('Subsidies / payment data: sealed, looked up by keyed hash, masked, revealed with a reason', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the county centre enters 身份证 and card; the row holds no plain digits and the HMAC look-up finds the person', async ({ client, assert }) => {
    const { expertUser, countyStaff } = await readyCounty('510104')
    const saved = await submitForm(client, `/admin/subsidies/payees/${expertUser.id}`, payeeForm({ id_number: '5101 0419 9003 0712 37', card_number: '6222 0202 0011 2345 679' }), countyStaff)
    saved.assertStatus(302)
    assert.equal(saved.header('location'), `/admin/subsidies/payees/${expertUser.id}`)

    const row = await payeeRow(expertUser.id)
    assert.equal(row.id_number_masked, '510104********1237')
    assert.equal(row.card_masked, '6222***********5679')
    for (const column of ['id_number_sealed', 'id_number_index', 'card_sealed', 'card_index']) {
      assert.notMatch(row[column], /\d{5}/, column)
      assert.deepEqual(digitsLeaked(row[column], ID_NUMBER), [], column)
      assert.deepEqual(digitsLeaked(row[column], CARD), [], column)
    }
    assert.deepEqual(digitsLeaked(JSON.stringify(row), ID_NUMBER).filter((run) => !'510104'.includes(run)), [])
    assert.equal(Number((await payeeByIdNumber(ID_NUMBER))!.user_id), expertUser.id)
    assert.isNull(await payeeByIdNumber(OTHER_ID_NUMBER))

    const page = await client.get(`/admin/subsidies/payees/${expertUser.id}`).loginAs(countyStaff)
    page.assertStatus(200)
    page.assertTextIncludes('510104********1237')
    assert.deepEqual(digitsLeaked(page.text(), ID_NUMBER), [])
    assert.deepEqual(digitsLeaked(page.text(), CARD), [])
    // Staff see no reveal form.
    assert.notInclude(page.text(), '查看完整号码')

    const lookup = await client.get(`/admin/subsidies/payees?id_number=${ID_NUMBER}`).loginAs(countyStaff)
    lookup.assertStatus(200)
    lookup.assertTextIncludes(expertUser.name!)
    const nobody = await client.get(`/admin/subsidies/payees?id_number=${OTHER_ID_NUMBER}`).loginAs(countyStaff).header('HX-Request', 'true')
    assert.include(nobody.text(), '本地区没有登记这个身份证号')
    // Outside the region the same number finds nobody, and the person's page does not exist.
    const other = await staffOf('510105')
    const beside = await client.get(`/admin/subsidies/payees?id_number=${ID_NUMBER}`).loginAs(other)
    assert.notInclude(beside.text(), expertUser.name!)
    ;(await client.get(`/admin/subsidies/payees/${expertUser.id}`).loginAs(other)).assertStatus(404)
    ;(await submitForm(client, `/admin/subsidies/payees/${expertUser.id}`, payeeForm(), other)).assertStatus(404)
    assert.lengthOf(await audits('subsidies.payee_save'), 1)
    assert.notInclude(JSON.stringify(await audits('subsidies.payee_save')), '0307')
  })

  test('a wrong check digit, a card failing Luhn, an ID another person holds: Chinese messages, nothing stored', async ({ client, assert }) => {
    const { expertUser, officer, countyStaff } = await readyCounty('510104')
    const url = `/admin/subsidies/payees/${expertUser.id}`
    const badId = await submitForm(client, url, payeeForm({ id_number: BAD_ID_NUMBER }), countyStaff)
    assert.deepEqual(fieldErrors(badId, 'id_number'), ['身份证号校验位不正确，请核对号码'])
    const badCard = await submitForm(client, url, payeeForm({ card_number: BAD_CARD }), countyStaff)
    assert.deepEqual(fieldErrors(badCard, 'card_number'), ['银行卡号校验不通过，请核对号码'])
    const short = await submitHtmxForm(client, url, payeeForm({ id_number: '51010419900307' }), countyStaff)
    short.assertStatus(422)
    assert.equal(short.header('hx-retarget'), '#payee-errors')
    assert.include(short.text(), '身份证号应为 18 位')
    assert.isUndefined(await payeeRow(expertUser.id))

    await submitForm(client, url, payeeForm(), countyStaff)
    const taken = await submitForm(client, `/admin/subsidies/payees/${officer.id}`, payeeForm({ holder_name: '李信息' }), countyStaff)
    assert.deepEqual(fieldErrors(taken, 'id_number'), ['这个身份证号已登记在另一人名下'])
    assert.isUndefined(await payeeRow(officer.id))
  })

  test('the look-up refuses a number with a wrong check digit in Chinese (htmx 422 into its box)', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const response = await client.get(`/admin/subsidies/payees?id_number=${BAD_ID_NUMBER}`).loginAs(staff).header('HX-Request', 'true')
    response.assertStatus(422)
    assert.equal(response.header('hx-retarget'), '#lookup-errors')
    assert.include(response.text(), '身份证号校验位不正确，请核对号码')
    const page = await client.get('/admin/subsidies/payees').loginAs(staff)
    page.assertStatus(200)
    page.assertTextIncludes('输入身份证号查找已登记的收款人')
  })

  test('an administrator reveals with a reason (page and htmx), each reveal one audit row; staff and a reason-less reveal are refused', async ({ client, assert }) => {
    const { expertUser, countyStaff, countyAdmin } = await readyCounty('510104')
    await submitForm(client, `/admin/subsidies/payees/${expertUser.id}`, payeeForm(), countyStaff)
    const url = `/admin/subsidies/payees/${expertUser.id}/reveal`

    const staff = await submitForm(client, url, { reason: '核对发放信息' }, countyStaff)
    staff.assertStatus(403)
    assert.include(staff.text(), '只有运管中心管理员可以查看完整号码')
    const noReason = await submitForm(client, url, { reason: '' }, countyAdmin)
    assert.deepEqual(fieldErrors(noReason, 'reason'), ['请填写理由'])
    ;(await submitForm(client, url, { reason: '隔壁县看看' }, await staffOf('510105', 'center_admin'))).assertStatus(404)
    assert.lengthOf(await audits('subsidies.reveal'), 0)

    const form = await client.get(`/admin/subsidies/payees/${expertUser.id}`).loginAs(countyAdmin)
    form.assertTextIncludes('查看完整号码')
    assert.notInclude(form.text(), ID_NUMBER)
    const revealed = await submitForm(client, url, { reason: '银行退票核对账号' }, countyAdmin)
    revealed.assertStatus(200)
    revealed.assertHeader('cache-control', 'no-store')
    revealed.assertTextIncludes(ID_NUMBER)
    revealed.assertTextIncludes(CARD)
    const fragment = await submitHtmxForm(client, url, { reason: '再次核对' }, await staffOf('5101', 'center_admin'))
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), CARD)

    const rows = await audits('subsidies.reveal')
    assert.lengthOf(rows, 2)
    assert.deepEqual(rows.map((row) => row.changes.reason.new), ['银行退票核对账号', '再次核对'])
    assert.deepEqual(rows.map((row) => row.subject_id), [String(expertUser.id), String(expertUser.id)])
    assert.notInclude(JSON.stringify(rows), ID_NUMBER)
  })

  test('the payment export (XLSX) of approved lists: masked numbers only, never a full one; audited', async ({ client, assert }) => {
    const { expertUser, officer, countyStaff } = await readyCounty('510104')
    await submitForm(client, `/admin/subsidies/payees/${expertUser.id}`, payeeForm(), countyStaff)
    await submitForm(client, `/admin/subsidies/payees/${officer.id}`, payeeForm({ holder_name: '李信息', id_number: OTHER_ID_NUMBER, card_number: '6217001234567890122' }), countyStaff)
    const id = await proposeList(await actingAs(countyStaff, null), { year: YEAR, countyCode: '510104' })
    const city = await staffOf('5101', 'center_admin')

    assert.equal((await downloadedSheet(client.get(`/admin/subsidies/export?year=${YEAR}`).loginAs(city))).rowCount, 1)

    await approveList(await actingAs(city, null), id)
    const sheet = await downloadedSheet(client.get(`/admin/subsidies/export?year=${YEAR}&region=510104`).loginAs(city))
    assert.equal(sheet.name, '补贴名单')
    const rows = sheet.getSheetValues().slice(1).map((row: any) => row.slice(1))
    assert.deepEqual(rows[0], ['市（州）', '区县', '姓名', '手机号', '类别', '有效咨询', '金额（元）', '户名', '开户银行', '身份证号', '银行卡号', '审批日期'])
    const expert = rows.find((row: any[]) => row[2] === '张专家')!
    assert.deepEqual(expert.slice(0, 3), ['成都市', '锦江区', '张专家'])
    assert.deepEqual(expert.slice(4, 11), ['县级专家', 3, '1100.00', '张专家', '成都农商银行', '510104********1237', '6222***********5679'])
    assert.lengthOf(rows, 3)
    const text = JSON.stringify(rows)
    for (const number of [ID_NUMBER, OTHER_ID_NUMBER, CARD, '6217001234567890122']) assert.deepEqual(digitsLeaked(text, number), [], number)
    assert.match(expert[3], /^1\d{2}\*{4}\d{4}$/)

    const audit = (await audits('subsidies.export')).at(-1)
    assert.deepEqual(audit.changes.rows.new, 2)
    assert.isTrue(audit.changes.completed.new)
    ;(await client.get(`/admin/subsidies/export?year=${YEAR}&region=510300`).loginAs(city)).assertStatus(404)
    ;(await client.get(`/admin/subsidies/export?year=${YEAR}&region=510105`).loginAs(await staffOf('510104'))).assertStatus(404)
  })
})
