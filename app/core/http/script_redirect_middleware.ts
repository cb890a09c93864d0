import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/*
 * A form sent by script so that its upload can show progress (app.js, data-upload-progress)
 * cannot see a redirect: XMLHttpRequest follows it, and the page it fetches on the way eats
 * the flash (the success line, or the messages and old input of a failed submit) before the
 * browser shows anything. Such a request says so with `X-Redirect-Manually: 1`; its redirect
 * is answered 200 with the target in `X-Redirect-To`, and the script navigates there, so the
 * browser opens the same page, with the same flash, as the plain form post would.
 *
 * Router-wide and first: the exception handler's redirect back (a failed validation) is set
 * before this runs on the way out.
 */
export default class ScriptRedirectMiddleware {
  async handle({ request, response }: HttpContext, next: NextFn) {
    await next()
    if (request.header('x-redirect-manually') !== '1') return
    const status = response.getStatus()
    const location = response.getHeader('location')
    if (status < 300 || status >= 400 || typeof location !== 'string') return
    response.removeHeader('location')
    response.header('X-Redirect-To', location)
    response.status(200).send('')
  }
}
