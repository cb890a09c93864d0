import env from '#start/env'

/*
 * Where passkeys belong (the WebAuthn relying party): the site's host as RP ID and its origin
 * as the only origin an assertion may come from, both from APP_URL (start/env.ts) — the
 * address people open, so a passkey made there works there and nowhere else. Read on every
 * use: the test runner sets APP_URL to its own port at boot.
 */
export function passkeyConfig(): { rpId: string; origin: string } {
  const url = new URL(env.get('APP_URL'))
  return { rpId: url.hostname, origin: url.origin }
}
