import type { Browser } from 'playwright'

export const PHONE_VIEWPORT = { width: 360, height: 640 }

/**
 * Another 360×640 phone with its own cookies, like the context the plugin gives every
 * test: for a second person in the same journey, or (javaScript: false) the no-JS path.
 * Closed when the test ends.
 */
export async function newPhone(
  browser: Browser,
  current: { cleanup(fn: () => Promise<void>): unknown },
  options: { javaScript?: boolean } = {}
) {
  const context = await browser.newContext({
    baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
    viewport: PHONE_VIEWPORT,
    locale: 'zh-CN',
    javaScriptEnabled: options.javaScript ?? true,
  })
  current.cleanup(() => context.close())
  return context
}
