import { defineConfig } from '@adonisjs/static'

/*
 * Files under /assets/ carry a content hash in their URL (see app/core/assets.ts),
 * so they can be cached for a year. Everything else revalidates.
 */
export default defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  immutable: false,
  headers: (path) => {
    if (path.includes('/assets/')) {
      return { 'cache-control': 'public, max-age=31536000, immutable' }
    }
    return {}
  },
})
