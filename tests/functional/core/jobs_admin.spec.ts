import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { dispatch } from '#core/jobs/dispatch'
import { producerBoss, throughLucid } from '#core/jobs/boss'
import AuditEntry from '#core/audit/audit_entry'
import { assertRedirect, createUser, submitForm } from '#tests/helpers'
import { jobRow } from '#tests/functional/core/jobs_fixtures'

const platformAdmin = () => createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' }, name: '平台管理员' })

/** A job that used up its attempts, as the worker would leave it (inside the test's transaction). */
async function failedJob(message = 'the fixture always fails') {
  const id = (await dispatch('tests.broken', {}))!
  const boss = await producerBoss()
  await boss.fail('tests.broken', id, { message }, { db: throughLucid(db.connection()) })
  return id
}

test.group('Jobs / failed jobs page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a platform admin sees the failed job and its reason, and retries it without JavaScript', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const id = await failedJob('短信服务商拒绝：模板未审核')

    const page = await client.get('/admin/jobs').loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('失败的后台任务')
    page.assertTextIncludes('短信服务商拒绝：模板未审核')
    page.assertTextIncludes('已尝试 1 次')
    page.assertTextIncludes(`action="/admin/jobs/${id}/retry?page=1"`)

    const response = await submitForm(client, `/admin/jobs/${id}/retry?page=1`, {}, admin)
    assertRedirect(response, '/admin/jobs?page=1')
    response.assertFlashMessage('success', '已重新排队，稍后执行')
    const job = await jobRow(id)
    assert.equal(job.state, 'retry')
    assert.equal(job.retry_limit, 1) // exactly one more attempt
    const entry = await AuditEntry.query().where('action', 'job.retry').firstOrFail()
    assert.equal(entry.actorId, admin.id)
    assert.equal(entry.subjectId, id)

    const after = await client.get('/admin/jobs').loginAs(admin)
    after.assertTextIncludes('没有失败的任务')
  })

  test('htmx gets just the list, and a retry answers with the updated list and its status', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const id = await failedJob()
    const other = await failedJob('another reason')

    const list = await client.get('/admin/jobs').header('HX-Request', 'true').loginAs(admin)
    list.assertStatus(200)
    assert.notInclude(list.text(), '<html')
    assert.include(list.text(), 'another reason')
    assert.include(list.header('vary'), 'HX-Request')

    const retried = await client
      .post(`/admin/jobs/${id}/retry?page=1`)
      .header('HX-Request', 'true')
      .withCsrfToken()
      .form({})
      .loginAs(admin)
    retried.assertStatus(200)
    assert.notInclude(retried.text(), '<html')
    assert.include(retried.text(), '已重新排队，稍后执行')
    assert.notInclude(retried.text(), id)
    assert.include(retried.text(), other)
  })

  test('retrying a job that is no longer failed says so and changes nothing', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const id = await failedJob()
    await submitForm(client, `/admin/jobs/${id}/retry`, {}, admin)
    const again = await submitForm(client, `/admin/jobs/${id}/retry`, {}, admin)
    assertRedirect(again, '/admin/jobs')
    again.assertFlashMessage('error', '该任务已不在失败列表中')
    assert.equal((await jobRow(id)).retry_limit, 1)
  })

  test('empty state, then 25 failed jobs over two pages', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const empty = await client.get('/admin/jobs').loginAs(admin)
    empty.assertTextIncludes('没有失败的任务')

    for (let i = 0; i < 25; i++) await failedJob(`reason ${i}`)
    const first = await client.get('/admin/jobs').loginAs(admin)
    assert.equal(first.text().match(/>重试</g)?.length, 20)
    first.assertTextIncludes('第 1 / 2 页')
    const second = await client.get('/admin/jobs?page=2').loginAs(admin)
    assert.equal(second.text().match(/>重试</g)?.length, 5)
  })

  test('a center admin (even of the whole province) and a farmer get 403, and the job stays failed', async ({ client, assert }) => {
    const id = await failedJob()
    const centerAdmin = await createUser({ roles: ['center_admin'], scopes: { center_admin: '51' } })
    const farmer = await createUser()
    for (const user of [centerAdmin, farmer]) {
      const page = await client.get('/admin/jobs').loginAs(user)
      page.assertStatus(403)
      page.assertTextIncludes('没有权限')
      assert.notInclude(page.text(), 'the fixture always fails')
      ;(await submitForm(client, `/admin/jobs/${id}/retry`, {}, user)).assertStatus(403)
    }
    assertRedirect(await client.get('/admin/jobs').redirects(0), '/login')
    assert.equal((await jobRow(id)).state, 'failed')
  })
})
