import app from '@adonisjs/core/services/app'
import { defineConfig, loaders } from '@adonisjs/i18n'
import { CompiledIcuFormatter } from '#core/i18n/compiled_icu_formatter'

export default defineConfig({
  defaultLocale: 'zh-CN',
  supportedLocales: ['zh-CN', 'en'],
  fallbackLocales: { en: 'zh-CN' },
  // ICU messages as the package formats them, each parsed once (see the formatter).
  formatter: () => new CompiledIcuFormatter(),
  loaders: [loaders.fs({ location: app.languageFilesPath() })],
})
