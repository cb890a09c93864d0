import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { chromium } from 'playwright'
import { createCompressedServer } from '#core/http/compressed_server'
import { seedReferenceData } from '#tests/helpers'
import { rm } from 'node:fs/promises'
import { testMediaRoot } from '#config/drive'

/**
 * Browser tests drive Debian's Chromium (never a downloaded one); see .ci/run.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({
    runInSuites: ['browser'],
    // Every page is checked at the size of a cheap Android phone.
    contextOptions: { viewport: { width: 360, height: 640 }, locale: 'zh-CN' },
    launcher: (options) =>
      chromium.launch({
        ...options,
        headless: true,
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_FLAGS,
      }),
  }),
  sessionBrowserClient(app),
  authBrowserClient(app),
]

/** Migrate once per run and load the reference data (regions, industries) that every test reads. */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [() => testUtils.db().migrate(), () => seedReferenceData()],
  // Uploads of this run went to a throwaway folder (config/drive.ts).
  teardown: [
    async () => {
      if (testMediaRoot) await rm(testMediaRoot, { recursive: true, force: true })
    },
  ],
}

/**
 * Rate-limit counters live outside the test's rolled-back transaction (their own
 * connection, config/database.ts), so every test starts with none.
 */
const clearRateLimits = async () => {
  await db.connection('limiter').from('rate_limits').delete()
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  suite.onGroup((group) => group.each.setup(clearRateLimits))
  suite.onTest((test) => test.setup(clearRateLimits))
  if (['browser', 'functional', 'e2e'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start(createCompressedServer))
  }
}
