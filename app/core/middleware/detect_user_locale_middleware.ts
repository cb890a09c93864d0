import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'

/**
 * Chinese unless the person chose English (cookie `lang`, set by ?lang=en). The
 * browser's Accept-Language is not used: Sichuan's phones often ship English
 * system locales while their owners read Chinese.
 */
export default class DetectUserLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  async handle(ctx: HttpContext, next: NextFn) {
    const asked = ctx.request.input('lang')
    if (asked && i18nManager.supportedLocales().includes(asked)) {
      ctx.response.plainCookie('lang', asked, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    }
    const chosen = asked ?? ctx.request.plainCookie('lang')
    const locale = i18nManager.supportedLocales().includes(chosen) ? chosen : i18nManager.defaultLocale

    ctx.i18n = i18nManager.locale(locale)
    ctx.containerResolver.bindValue(I18n, ctx.i18n)
    if ('view' in ctx) ctx.view.share({ i18n: ctx.i18n })
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
