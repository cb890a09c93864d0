/*
 * HTTP server entrypoint (started by `node ace serve` in development, `node bin/server.js` in production).
 *
 * In production it runs one HTTP worker per core (Node's cluster module: the workers share
 * the port, the primary only forks and restarts them): a Node process uses one core, and a
 * single process left the second core of a 2-core server idle. WEB_CONCURRENCY sets the
 * number (1: no cluster, one process, as in development). Nothing a worker keeps matters to
 * another — sessions, rate limits and jobs live in Postgres, files in Drive — and the jobs
 * run in their own process (`node ace jobs:work`).
 */
import 'reflect-metadata'
import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { createCompressedServer } from '../app/core/http/compressed_server.js'

const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

const requested = Number.parseInt(process.env.WEB_CONCURRENCY ?? '', 10)
const workers = process.env.NODE_ENV === 'production' ? (requested > 0 ? requested : availableParallelism()) : 1

if (cluster.isPrimary && workers > 1) {
  let stopping = false
  let alive = 0
  const fork = () => {
    alive++
    cluster.fork()
  }
  for (let index = 0; index < workers; index++) fork()
  // A worker that dies is replaced (after a pause, so a crash at boot cannot spin); on
  // SIGTERM/SIGINT each worker finishes its requests (app.terminate) and the primary exits after the last.
  cluster.on('exit', (worker, code, signal) => {
    alive--
    if (stopping) {
      if (alive === 0) process.exit(0)
      return
    }
    console.error(`HTTP worker ${worker.process.pid} exited (${signal ?? code}); starting another`)
    setTimeout(fork, 1000)
  })
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    })
  }
} else {
  new Ignitor(APP_ROOT, { importer: IMPORTER })
    .tap((app) => {
      app.booting(async () => {
        await import('#start/env')
      })
      // A cluster worker's IPC channel keeps it alive after the app has closed: leave once done.
      app.listen('SIGTERM', () => app.terminate().finally(() => cluster.isWorker && process.exit(0)))
      app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
    })
    .httpServer()
    .start(createCompressedServer)
    .catch((error) => {
      process.exitCode = 1
      prettyPrintError(error)
    })
}
