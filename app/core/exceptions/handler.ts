import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { errors as vineErrors } from '@vinejs/vine'
import { RuleError } from '#core/http/rule_error'
import { isDatabaseUnavailable } from '#core/database/unavailable'

/**
 * Chinese error pages that reveal nothing: no stack, no SQL, no paths outside
 * development. htmx requests get a small fragment instead of a page.
 */
/** What a 503 asks the client to wait: about the time a restarted PostgreSQL takes to accept connections. */
const RETRY_AFTER_SECONDS = 5

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = app.inDev
  protected renderStatusPages = !app.inDev

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (_, { view }) => view.render('errors/forbidden'),
    '404': (_, { view }) => view.render('errors/not_found'),
    '419': (_, { view }) => view.render('errors/page_expired'),
    '429': (_, { view }) => view.render('errors/too_many_requests'),
    // One entry for the range: integer keys sort first, so a '503' key would be overridden by it.
    '500..599': (error, { view }) => view.render(error.status === 503 ? 'errors/service_unavailable' : 'errors/server_error'),
  }

  async handle(error: any, ctx: HttpContext) {
    if (error instanceof RuleError) error = error.toValidationError(ctx.i18n)
    // The database restarting or failing over: 503 and 'please retry in a moment', not a 500.
    if (isDatabaseUnavailable(error)) {
      ctx.response.header('Retry-After', String(RETRY_AFTER_SECONDS))
      error = Object.assign(new Error('database unavailable', { cause: error }), { status: 503, code: 'E_DATABASE_UNAVAILABLE' })
    }
    if (ctx.request.header('hx-request') === 'true' && error instanceof vineErrors.E_VALIDATION_ERROR) {
      return ctx.response.status(422).send(await ctx.view.render('components/form/errors_fragment', { messages: error.messages }))
    }
    // A server error during an htmx request: a line in the page's notice area (the layout's
    // htmx-config sends every 5xx there), never the whole error page swapped into a panel.
    if (ctx.request.header('hx-request') === 'true' && !app.inDev && (error?.status ?? 500) >= 500) {
      return ctx.response
        .status(error?.status ?? 500)
        .header('HX-Retarget', '#page-notice')
        .header('HX-Reswap', 'innerHTML')
        .send(await ctx.view.render('errors/server_error_fragment'))
    }
    // Shield would redirect back with a flash; a clear page is kinder and stores nothing.
    if (error?.code === 'E_BAD_CSRF_TOKEN') {
      return ctx.response.status(419).send(await ctx.view.render('errors/page_expired'))
    }
    // A policy may deny with 404 to hide that a record exists at all, or with 403 and a translated reason (.t(key)) to tell why.
    if (error?.code === 'E_AUTHORIZATION_FAILURE') {
      const status = error.response?.status ?? 403
      const translation = error.response?.translation
      const reason = translation ? ctx.i18n.t(translation.identifier, translation.data) : null
      return ctx.response.status(status).send(await ctx.view.render(status === 404 ? 'errors/not_found' : 'errors/forbidden', { reason }))
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    // A refused step is the user's business, like a failed validation: nothing to log.
    if (error instanceof RuleError) return
    return super.report(error, ctx)
  }
}
