/*
 * A signed-in browser's cookie jar, without the application: bench/ and tests/scale/run.ts
 * (which talks to the topology from outside) sign in with it.
 */

/** The password of every generated and seeded demo account (database/seeders, demo:generate). */
export const GENERATED_PASSWORD = 'demo123456'

/** A cookie jar of one signed-in browser. */
export class Browser {
  readonly #cookies = new Map<string, string>()

  constructor(readonly baseUrl: string) {}

  /** The Cookie header this browser sends (for a load generator that speaks HTTP itself). */
  get cookieHeader() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async request(path: string, init: RequestInit & { htmx?: boolean } = {}) {
    const headers = new Headers(init.headers)
    headers.set('cookie', this.cookieHeader)
    headers.set('accept', 'text/html')
    headers.set('accept-encoding', 'gzip')
    if (init.htmx) headers.set('hx-request', 'true')
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const [name, ...value] = pair.split('=')
      this.#cookies.set(name.trim(), value.join('='))
    }
    return response
  }

  async login(phone: string) {
    const form = await (await this.request('/login')).text()
    const csrf = /name=["']_csrf["'] value=["']([^"']+)["']/.exec(form)?.[1]
    if (!csrf) throw new Error('no CSRF token on /login')
    const response = await this.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, phone, password: GENERATED_PASSWORD }).toString(),
    })
    if (response.status !== 302 || (response.headers.get('location') ?? '').includes('/login')) {
      throw new Error(`login as ${phone} failed: ${response.status} ${response.headers.get('location')}`)
    }
  }
}
