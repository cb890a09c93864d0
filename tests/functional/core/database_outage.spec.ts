import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#core/exceptions/handler'

/** The error pg gives while PostgreSQL restarts, handled as the server would. */
async function duringRestart(headers: Record<string, string> = {}) {
  const ctx = await testUtils.createHttpContext()
  for (const [name, value] of Object.entries(headers)) ctx.request.request.headers[name] = value
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111 })
  await new HttpExceptionHandler().handle(refused, ctx)
  return ctx.response
}

test.group('Errors / the database restarting (issue 20, faults)', () => {
  test('a page gets 503, Retry-After and the Chinese 请稍后重试 page, nothing of the error', async ({ assert }) => {
    const response = await duringRestart({ accept: 'text/html' })
    assert.equal(response.getStatus(), 503)
    assert.equal(response.getHeader('Retry-After'), '5')
    const body = String(response.getBody())
    assert.include(body, '<html')
    assert.include(body, '请稍后重试')
    assert.include(body, '刚才的操作可能没有完成')
    assert.notInclude(body, 'ECONNREFUSED')
    assert.notInclude(body, '5432')
  })

  test('htmx gets the one-line notice with the 503', async ({ assert }) => {
    const response = await duringRestart({ 'hx-request': 'true' })
    assert.equal(response.getStatus(), 503)
    assert.equal(response.getHeader('HX-Retarget'), '#page-notice')
    assert.include(String(response.getBody()), '请稍后重试')
    assert.notInclude(String(response.getBody()), '<html')
  })
})
