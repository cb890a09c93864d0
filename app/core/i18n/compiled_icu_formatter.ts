import { IntlMessageFormat } from 'intl-messageformat'
import type { TranslationsFormatterContract } from '@adonisjs/i18n/types'

/**
 * @adonisjs/i18n's ICU formatter parses the message again on every t() call; a page
 * makes a hundred of them, and parsing was 7 % of a guest page's CPU. Here a message is
 * parsed once per locale and the compiled form kept. The messages are the i18n files'
 * (a few thousand), so the cache is small; it is bounded anyway, since a fallback
 * message could come from elsewhere.
 */
const compiled = new Map<string, IntlMessageFormat>()
const MAX_COMPILED = 20_000

export class CompiledIcuFormatter implements TranslationsFormatterContract {
  readonly name = 'icu'

  format(message: string, locale: string, data?: Record<string, any>): string {
    const key = `${locale}\u0000${message}`
    let format = compiled.get(key)
    if (!format) {
      if (compiled.size >= MAX_COMPILED) compiled.clear()
      format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })
      compiled.set(key, format)
    }
    return String(format.format(data ?? {}))
  }
}
