import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#core/exceptions/handler'

/** The handler as the server calls it, for a request that failed inside the app (a database outage, a bug). */
async function handled(headers: Record<string, string>) {
  const ctx = await testUtils.createHttpContext()
  for (const [name, value] of Object.entries(headers)) ctx.request.request.headers[name] = value
  await new HttpExceptionHandler().handle(new Error('connect ECONNREFUSED 127.0.0.1:5432'), ctx)
  return ctx.response
}

test.group('Errors / a 5xx during an htmx request (resilience review, point 5)', () => {
  test('htmx gets one Chinese line aimed at the page notice, not the error page', async ({ assert }) => {
    const response = await handled({ 'hx-request': 'true' })
    assert.equal(response.getStatus(), 500)
    assert.equal(response.getHeader('HX-Retarget'), '#page-notice')
    assert.equal(response.getHeader('HX-Reswap'), 'innerHTML')
    const body = String(response.getBody())
    assert.include(body, '系统繁忙，请稍后重试')
    assert.notInclude(body, '<html')
    assert.notInclude(body, 'ECONNREFUSED')
  })

  test('a full page request still gets the Chinese error page', async ({ assert }) => {
    const response = await handled({})
    assert.equal(response.getStatus(), 500)
    assert.isUndefined(response.getHeader('HX-Retarget'))
    const body = String(response.getBody())
    assert.include(body, '<html')
    assert.notInclude(body, 'ECONNREFUSED')
  })

  test('the layout sends every 5xx of htmx to #page-notice, which every page has', async ({ client, assert }) => {
    const page = await client.get('/')
    assert.include(page.text(), 'id="page-notice"')
    assert.include(page.text(), '{"code":"5..","swap":true,"error":true,"target":"#page-notice"')
  })
})
