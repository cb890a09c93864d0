import compression from 'compression'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

/**
 * AdonisJS does not compress responses itself. Phones on 2G/3G pay for every byte,
 * so the Node server gzips/brotlis text responses (HTML, CSS, JS) above 1 KB.
 */
export function createCompressedServer(handler: (req: IncomingMessage, res: ServerResponse) => unknown) {
  const compress = compression({ threshold: 1024 })
  return createServer((req, res) => {
    compress(req as any, res as any, () => handler(req, res))
  })
}
