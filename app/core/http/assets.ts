import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Our CSS/JS (and the no-JavaScript stylesheet) and the two vendor scripts, served from our own origin under
 * content-hashed URLs (/assets/app.3f9c2a1b7d.css) with a one-year immutable cache:
 * a phone downloads each version once. No bundler is needed for a handful of files.
 */
const SOURCES: Record<string, string> = {
  'app.css': 'resources/assets/app.css',
  'noscript.css': 'resources/assets/noscript.css',
  'app.js': 'resources/assets/app.js',
  'htmx.js': 'node_modules/htmx.org/dist/htmx.min.js',
  'alpine.js': 'node_modules/@alpinejs/csp/dist/cdn.min.js',
  // 通行密钥 pages only: SimpleWebAuthn's browser half (window.SimpleWebAuthnBrowser) and our glue.
  'webauthn.js': 'node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js',
  'passkeys.js': 'resources/assets/passkeys.js',
  'icon.svg': 'resources/assets/icon.svg',
}

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', svg: 'image/svg+xml' }

interface Asset {
  url: string
  body: Buffer
  type: string
}

let cache: Map<string, Asset> | undefined

function load(): Map<string, Asset> {
  const found = new Map<string, Asset>()
  for (const [name, source] of Object.entries(SOURCES)) {
    const body = readFileSync(app.makePath(source))
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
    const [base, ext] = name.split('.')
    found.set(name, { url: `/assets/${base}.${hash}.${ext}`, body, type: TYPES[ext] })
  }
  return found
}

function assets() {
  // In development the files change under us; elsewhere they are read once.
  if (app.inDev) return load()
  cache ??= load()
  return cache
}

/** Edge global: `asset('app.css')` → its fingerprinted URL. */
export function assetUrl(name: string): string {
  const asset = assets().get(name)
  if (!asset) throw new Error(`Unknown asset ${name}`)
  return asset.url
}

/**
 * Server middleware, ahead of the router: an asset request needs no session,
 * user or CSRF work.
 */
export default class AssetsMiddleware {
  handle({ request, response }: HttpContext, next: NextFn) {
    const path = request.url()
    // Browsers and crawlers ask for /favicon.ico whatever the page declares.
    if (path === '/favicon.ico') return response.redirect(assetUrl('icon.svg'), false, 301)
    if (!path.startsWith('/assets/')) return next()
    const asset = [...assets().values()].find((candidate) => candidate.url === path)
    if (!asset) return response.notFound('')
    response.header('Content-Type', asset.type)
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    return response.send(asset.body)
  }
}
