import type { HttpContext } from '@adonisjs/core/http'

/** Whether htmx asked for a fragment (a boosted navigation wants the whole page). */
export function wantsFragment({ request }: HttpContext) {
  return request.header('hx-request') === 'true' && request.header('hx-boosted') !== 'true'
}

/**
 * One URL, two representations: the full page, or for htmx just the partial that
 * the page itself includes. `Vary` keeps caches from mixing them up.
 */
export function renderPageOrFragment(ctx: HttpContext, page: string, partial: string, data: Record<string, unknown> = {}) {
  ctx.response.header('Vary', 'HX-Request')
  return ctx.view.render(wantsFragment(ctx) ? partial : page, data)
}
