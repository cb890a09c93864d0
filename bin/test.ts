/*
 * Japa entrypoint (`npm test`). Starts a throwaway embedded PostgreSQL for this run
 * (or uses TEST_DATABASE_URL); tests/bootstrap.ts migrates it once.
 */
process.env.NODE_ENV = 'test'

import 'reflect-metadata'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { freePort, startEmbeddedPostgres } from '../app/core/database/embedded_postgres.js'

const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

// Never the developer's DATABASE_URL: the run migrates and rolls back everything.
const embedded = process.env.TEST_DATABASE_URL
  ? null
  : await startEmbeddedPostgres({
      dataDir: join(tmpdir(), `rural-tech-test-${process.pid}`),
      database: 'rural_tech_test',
      persistent: false,
      log: (line) => console.error(line),
    })
process.env.DATABASE_URL = embedded?.url ?? process.env.TEST_DATABASE_URL
// DRIVE_DISK=s3 without an endpoint: the run's files go to a local S3 endpoint (s3rver), so
// that any test file can be run on the S3 disk (README "Media storage").
const bucket =
  process.env.DRIVE_DISK === 's3' && !process.env.S3_ENDPOINT
    ? await import('../tests/fixtures/media/s3rver.js').then(({ startS3rver }) => startS3rver())
    : null
if (bucket) {
  const { settings } = bucket
  Object.assign(process.env, {
    S3_ENDPOINT: settings.endpoint,
    S3_REGION: settings.region,
    S3_BUCKET: settings.bucket,
    S3_ACCESS_KEY_ID: settings.accessKeyId,
    S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
    S3_PATH_STYLE: 'true',
  })
}
// A free port per run, so that test runs (and a running dev server) never collide.
process.env.PORT = process.env.TEST_PORT ?? String(await freePort())
process.env.APP_URL = `http://${process.env.HOST ?? 'localhost'}:${process.env.PORT}`

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      ...{
        setup: runnerHooks.setup,
        teardown: runnerHooks.teardown.concat([
          () => app.terminate(),
          async () => embedded?.stop(),
          async () => bucket?.close(),
        ]),
      },
    })
  })
  .run(() => run())
  .catch(async (error) => {
    process.exitCode = 1
    prettyPrintError(error)
    await embedded?.stop()
    await bucket?.close()
  })
