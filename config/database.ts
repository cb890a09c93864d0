import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

export default defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: true,
  connections: {
    postgres: {
      client: 'pg',
      connection: { connectionString: env.get('DATABASE_URL') },
      pool: { min: 0, max: 10 },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      seeders: { paths: ['database/seeders'] },
      // Models declare their columns; no generated schema classes.
      schemaGeneration: { enabled: false },
    },
    // A streaming replica for read-only queries that may be a moment stale (public directory,
    // statistics), through onReplica (app/core/database/replica.ts), which falls back to the
    // primary while it is down. Only defined when DATABASE_REPLICA_URL is set.
    ...(env.get('DATABASE_REPLICA_URL')
      ? {
          replica: {
            client: 'pg',
            // A replica that is down must not hold a request for long: the primary answers instead.
            connection: { connectionString: env.get('DATABASE_REPLICA_URL') },
            pool: { min: 0, max: 10, createTimeoutMillis: 2000, acquireTimeoutMillis: 3000 },
          },
        }
      : {}),
    // Rate-limit counters on their own small pool: a login failure must be counted even
    // when the request's transaction rolls back, and the limiter caches the client it
    // was built with, which must never be a (test or request) transaction.
    limiter: {
      client: 'pg',
      connection: { connectionString: env.get('DATABASE_URL') },
      pool: { min: 0, max: 2 },
    },
  },
})
