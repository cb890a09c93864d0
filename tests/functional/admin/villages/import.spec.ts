import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { xlsxBytes } from '#core/spreadsheets/xlsx_writer'
import { createUser, submitForm } from '#tests/helpers'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { DAYI_FILE, DAYI_VILLAGES, postVillageFile, seedVillages, villageCodes } from '#tests/fixtures/regions/villages'

const importId = (response: any) => Number(/\/admin\/villages\/imports\/(\d+)$/.exec(response.header('location'))![1])

test.group('Village registry / importing a county list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 510129 centre reads a file into a preview, nothing changes until it applies it whole; the registry and history show it', async ({ client, assert }) => {
    const staff = await staffOf('510129')
    const read = await postVillageFile(client, staff, '510129', '\uFEFF' + DAYI_FILE)
    read.assertStatus(302)
    const id = importId(read)
    assert.deepEqual(await villageCodes('510129'), [])

    const preview = await client.get(`/admin/villages/imports/${id}`).loginAs(staff)
    preview.assertStatus(200)
    preview.assertTextIncludes('将新增 3 个村，修改 0 个，恢复 0 个，停用 0 个，0 个不变。')
    preview.assertTextIncludes(`action="/admin/villages/imports/${id}/apply"`)

    const applied = await submitForm(client, `/admin/villages/imports/${id}/apply`, {}, staff)
    applied.assertStatus(302)
    assert.equal(applied.header('location'), '/admin/villages?county=510129')
    assert.deepEqual(await villageCodes('510129'), ['510129101001', '510129101002', '510129102001'])
    assert.deepEqual((await db.from('townships').where('county_code', '510129').orderBy('code')).map((row) => row.name), ['晋原街道', '王泗镇'])
    assert.deepEqual((await db.from('audit_log').where('subject_type', 'village_import').orderBy('id')).map((row) => row.action), ['villages.import_read', 'villages.import'])

    const registry = await client.get('/admin/villages?county=510129').loginAs(staff)
    registry.assertStatus(200)
    for (const text of ['成都市 大邑县', '晋原街道', '五星村', '凤凰村', '2 个乡镇，3 个村', 'villages.csv', '已导入']) registry.assertTextIncludes(text)

    const again = await submitForm(client, `/admin/villages/imports/${id}/apply`, {}, staff)
    again.assertStatus(302)
    assert.include(JSON.stringify(again.flashMessages()), '这份导入已处理过')
  })

  test('another county\'s code, a duplicate and an 11-digit code are refused line by line in Chinese; nothing is applied', async ({ client, assert }) => {
    const staff = await staffOf('510129')
    await seedVillages(DAYI_VILLAGES)
    const file = ['510129101001,五星村,晋原街道', '510104001001,锦官社区,春熙路街道', '510129101001,五星村,晋原街道', '51012910200,凤凰村,王泗镇', '510129102002,新村,王泗镇'].join('\n')
    const read = await postVillageFile(client, staff, '510129', file)
    const page = await client.get(`/admin/villages/imports/${importId(read)}`).loginAs(staff)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '文件有 3 处错误，未导入任何内容')
    assert.include(html, '第 2 行：区划代码 510104001001 不属于本县（应以 510129 开头）')
    assert.include(html, '第 3 行：区划代码 510129101001 与第 1 行重复')
    assert.include(html, '第 4 行：区划代码“51012910200”是 11 位，应为 12 位')
    assert.notInclude(html, '/apply"')
    // The good lines were not applied either: 新村 is not in, and 金星社区/凤凰村 were not retired.
    assert.deepEqual(await villageCodes('510129'), ['510129101001', '510129101002', '510129102001'])
    const apply = await submitForm(client, `/admin/villages/imports/${importId(read)}/apply`, {}, staff)
    apply.assertStatus(302)
    assert.deepEqual(await villageCodes('510129'), ['510129101001', '510129101002', '510129102001'])
  })

  test('a second list renames, retires and adds; the preview says which before anything changes', async ({ client, assert }) => {
    const staff = await staffOf('510129')
    await seedVillages(DAYI_VILLAGES)
    const file = ['510129101001,五星村,晋原街道', '510129101002,金星村,晋原街道', '510129103001,安仁村,安仁镇'].join('\n')
    const read = await postVillageFile(client, staff, '510129', file)
    const preview = await client.get(`/admin/villages/imports/${importId(read)}`).loginAs(staff)
    preview.assertTextIncludes('将新增 1 个村，修改 1 个，恢复 0 个，停用 1 个，1 个不变。')
    preview.assertTextIncludes('（原：晋原街道 金星社区）')
    preview.assertTextIncludes('凤凰村')
    await submitForm(client, `/admin/villages/imports/${importId(read)}/apply`, {}, staff)
    assert.deepEqual(await villageCodes('510129'), ['510129101001', '510129101002', '510129103001'])
    const retired = await db.from('villages').where('code', '510129102001').first()
    assert.isNotNull(retired.retired_at)
    assert.equal((await db.from('villages').where('code', '510129101002').first()).name, '金星村')
  })

  test('htmx: the upload answers the preview fragment; a missing file is a Chinese message in the form box', async ({ client, assert }) => {
    const staff = await staffOf('510129')
    const fragment = await postVillageFile(client, staff, '510129', DAYI_FILE).header('HX-Request', 'true')
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '将新增 3 个村')
    const empty = await client.post('/admin/villages/imports').loginAs(staff).withCsrfToken().header('HX-Request', 'true').field('county_code', '510129')
    empty.assertStatus(422)
    assert.equal(empty.header('hx-retarget'), '#village-import-errors')
    assert.include(empty.text(), '请选择要导入的文件')
  })

  test('a GBK file, a workbook and a 100,000-line file: decoded, or refused with what to do', async ({ client, assert }) => {
    const staff = await staffOf('510129')
    // "510129101001,五星村,晋原街道" in GBK.
    const gbk = Uint8Array.from([...new TextEncoder().encode('510129101001,'), 0xce, 0xe5, 0xd0, 0xc7, 0xb4, 0xe5, 0x2c, 0xbd, 0xfa, 0xd4, 0xad, 0xbd, 0xd6, 0xb5, 0xc0])
    const read = await postVillageFile(client, staff, '510129', gbk)
    ;(await client.get(`/admin/villages/imports/${importId(read)}`).loginAs(staff)).assertTextIncludes('五星村')
    const chunks: Buffer[] = []
    for await (const chunk of xlsxBytes('村', ['代码', '村名', '乡镇'], (async function* () { yield [['510129101001', '五星村', '晋原街道']] })())) chunks.push(chunk)
    const workbook = await postVillageFile(client, staff, '510129', Buffer.concat(chunks), 'villages.xlsx')
    ;(await client.get(`/admin/villages/imports/${importId(workbook)}`).loginAs(staff)).assertTextIncludes('这是 Excel 工作簿，请在 Excel 中“另存为 CSV（逗号分隔）”后再上传')
    const big = Array.from({ length: 100_000 }, (_, i) => `510129${String(101001 + (i % 998))},村${i},晋原街道`).join('\n')
    const huge = await postVillageFile(client, staff, '510129', big)
    ;(await client.get(`/admin/villages/imports/${importId(huge)}`).loginAs(staff)).assertTextIncludes('文件有 100000 行，一次最多导入 5000 行')
    assert.deepEqual(await villageCodes('510129'), [])
  })

  test('a 510104 centre cannot see or import 510129 (404); a farmer may not enter (403)', async ({ client }) => {
    const dayi = await staffOf('510129')
    const jinjiang = await staffOf('510104')
    const read = await postVillageFile(client, dayi, '510129', DAYI_FILE)
    const id = importId(read)
    ;(await client.get('/admin/villages?county=510129').loginAs(jinjiang)).assertStatus(404)
    ;(await client.get(`/admin/villages/imports/${id}`).loginAs(jinjiang)).assertStatus(404)
    ;(await submitForm(client, `/admin/villages/imports/${id}/apply`, {}, jinjiang)).assertStatus(404)
    ;(await postVillageFile(client, jinjiang, '510129', DAYI_FILE)).assertStatus(404)
    const farmer = await createUser({ county: '510129' })
    ;(await client.get('/admin/villages').loginAs(farmer)).assertStatus(403)
  })
})
