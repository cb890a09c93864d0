import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Paths that carry a bearer token (the SMS links /l/<case>/<token>, /f/<case>/<token>). */
const TOKEN_PATH = /^\/[lf]\/\d+\/[^/]+/

/** Browser features the platform never uses; file inputs (the camera for a photo) need none of them. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()'

/**
 * Headers every routed answer gets (after the current user is known): a page whose URL is
 * a credential names itself to no other site (same-origin: its own forms still say where
 * they came from, so a failed submit without JavaScript returns to the page rather than
 * the home page — those requests carry the token in their own path anyway); the origin only
 * elsewhere; nothing personal in a shared cache or a phone's back-forward history after logout.
 */
export default class SecurityHeadersMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const tokenPath = TOKEN_PATH.test(ctx.request.url())
    ctx.response.header('Referrer-Policy', tokenPath ? 'same-origin' : 'strict-origin-when-cross-origin')
    ctx.response.header('Permissions-Policy', PERMISSIONS_POLICY)
    await next()
    // A handler that chose its own caching (public photos, the region list) keeps it.
    if ((tokenPath || ctx.auth.user) && !ctx.response.getHeader('Cache-Control')) ctx.response.header('Cache-Control', 'no-store')
  }
}
