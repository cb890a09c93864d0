import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import testUtils from '@adonisjs/core/services/test_utils'
import edge from 'edge.js'
import Industry from '#core/industries/industry'

const base = () => `http://${process.env.HOST}:${process.env.PORT}`

/** Bytes on the wire as a phone with an empty cache would receive them (gzip). */
async function gzipWeight(path: string) {
  const response = await fetch(new URL(path, base()), { headers: { 'accept-encoding': 'gzip' } })
  const body = Buffer.from(await response.arrayBuffer())
  return { response, body: body.toString('utf8'), bytes: response.headers.get('content-encoding') ? gzipSync(body).length : body.length }
}

test.group('Mobile shell', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a first visit (the login page with its CSS and JS) weighs ≤ 45 KB gzip, and has no inline script', async ({ assert }) => {
    const page = await gzipWeight('/login')
    assert.equal(page.response.headers.get('content-encoding'), 'gzip')
    const assets = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
    assert.isAtLeast(assets.length, 4)
    let total = page.bytes
    for (const asset of assets) {
      const { bytes } = await gzipWeight(asset)
      // Fetched only by a browser without JavaScript, which skips the scripts instead.
      if (asset.includes('/noscript.')) assert.isBelow(bytes, 1024)
      else total += bytes
    }
    console.log(`first visit: ${(total / 1024).toFixed(1)} KB gzip`)
    assert.isBelow(total, 45 * 1024)
    assert.notMatch(page.body, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline <script>')
    assert.notMatch(page.body, /\son[a-z]+="/, 'no inline event handlers')
    assert.notMatch(page.body, /\sstyle="/, 'no inline styles')
  })

  test('assets have content-hashed URLs and a one-year immutable cache', async ({ client, assert }) => {
    const page = await client.get('/login')
    const css = /href="(\/assets\/app\.[0-9a-f]{10}\.css)"/.exec(page.text())![1]
    const response = await client.get(css)
    response.assertStatus(200)
    assert.equal(response.header('cache-control'), 'public, max-age=31536000, immutable')
    assert.include(response.header('content-type'), 'text/css')
    ;(await client.get('/assets/app.0000000000.css')).assertStatus(404)
  })

  test('security headers and a CSP without inline scripts', async ({ client, assert }) => {
    const response = await client.get('/login')
    const csp = response.header('content-security-policy')
    assert.include(csp, "script-src 'self'")
    assert.notInclude(csp, 'unsafe-inline')
    assert.notInclude(csp, 'unsafe-eval')
    assert.include(csp, "frame-ancestors 'none'")
    assert.equal(response.header('x-frame-options'), 'DENY')
    assert.equal(response.header('x-content-type-options'), 'nosniff')
    const cookie = String(response.header('set-cookie'))
    assert.include(cookie, 'HttpOnly')
    assert.include(cookie, 'SameSite=Lax')
  })

  test('unknown pages get the Chinese 404 page; nothing about the server leaks', async ({ client, assert }) => {
    const response = await client.get('/no/such/page')
    response.assertStatus(404)
    response.assertTextIncludes('页面不存在')
    assert.notMatch(response.text(), /node_modules|at \w+ \(|\.ts:\d+|stack/i)
  })

  test('a server error renders the Chinese 500 page without the error itself', async ({ assert }) => {
    const { default: Handler } = await import('#core/exceptions/handler')
    const ctx = await testUtils.createHttpContext()
    await new Handler().handle(new Error('secret database detail at /srv/app.ts:12'), ctx)
    assert.equal(ctx.response.getStatus(), 500)
    const body = String(ctx.response.getBody())
    assert.include(body, '系统繁忙')
    assert.notInclude(body, 'secret database detail')
    assert.notInclude(body, 'app.ts')
  })

  test('English is there on request and sticks in a cookie', async ({ client }) => {
    const response = await client.get('/login').qs({ lang: 'en' })
    response.assertTextIncludes('Log in')
    response.assertCookie('lang')
  })

  test('the development SMS page does not exist outside development', async ({ client }) => {
    ;(await client.get('/dev/sms')).assertStatus(404)
  })

  test('the industry picker lists the 10+3 industries in two groups', async ({ assert }) => {
    const industries = await Industry.query().orderBy('position')
    assert.lengthOf(industries, 13)
    const html = await edge
      .share({ flashMessages: { get: () => ({}) }, old: (_: string, value: string) => value })
      .render('components/industry_picker', { industries, selected: 'tea' })
    assert.equal((html.match(/<option value="[a-z_]+"/g) ?? []).length, 13)
    assert.include(html, '<option value="tea" selected>川茶</option>')
    assert.include(html, '十大优势特色产业')
    assert.include(html, '三大先导性支撑产业')
  })
})

test.group('Mobile shell / icon and description', () => {
  test('every page declares the icon and a description; /favicon.ico points at the same icon (no 404 on a first visit)', async ({ client, assert }) => {
    const home = await client.get('/')
    const icon = /<link rel="icon" href="(\/assets\/icon\.[0-9a-f]{10}\.svg)"/.exec(home.text())
    assert.isNotNull(icon)
    assert.include(home.text(), '<meta name="description" content="四川乡村振兴科技在线：')
    const favicon = await client.get('/favicon.ico').redirects(0)
    favicon.assertStatus(301)
    favicon.assertHeader('location', icon![1])
    const svg = await client.get(icon![1])
    svg.assertStatus(200)
    svg.assertHeader('content-type', 'image/svg+xml')
  })
})
