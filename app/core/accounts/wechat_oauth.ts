import type { WechatConfig } from '#core/accounts/wechat_config'

/*
 * WeChat's OAuth 2.0 for a 网站应用 (微信登录, 网站应用): the browser goes to
 * /connect/qrconnect (appid, redirect_uri, response_type=code, scope=snsapi_login, state),
 * the person scans the QR code with WeChat, and WeChat sends the browser back with `code` and
 * the same `state`. The server trades the code at /sns/oauth2/access_token for an access token
 * and the person's openid (and unionid), and reads /sns/userinfo. Failures come back as HTTP
 * 200 with `{ errcode, errmsg }`: 40029 invalid code, 40163 code been used, 40125 invalid
 * secret, 42001/40001 bad access token…
 */

/** A refusal from WeChat (`errcode`), or no answer that makes sense (errcode null). */
export class WechatError extends Error {
  constructor(
    readonly errcode: number | null,
    readonly errmsg: string
  ) {
    super(`WeChat OAuth: ${errcode ?? 'no answer'} ${errmsg}`)
  }
}

/** How long one call to WeChat may take before the sign-in gives up. */
const TIMEOUT_MS = 5000

/** The QR-code page to send the browser to; `state` is checked when WeChat sends it back. */
export function authorizeUrl(config: WechatConfig, redirectUri: string, state: string) {
  const query = new URLSearchParams({ appid: config.appId, redirect_uri: redirectUri, response_type: 'code', scope: 'snsapi_login', state })
  return `${config.oauthBase}/connect/qrconnect?${query}#wechat_redirect`
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } })
    if (!response.ok) throw new WechatError(null, `HTTP ${response.status}`)
    body = await response.json()
  } catch (error) {
    if (error instanceof WechatError) throw error
    throw new WechatError(null, error instanceof Error ? error.message : String(error))
  }
  if (!body || typeof body !== 'object') throw new WechatError(null, 'not a JSON object')
  const answer = body as Record<string, unknown>
  if (typeof answer.errcode === 'number' && answer.errcode !== 0) throw new WechatError(answer.errcode, String(answer.errmsg ?? ''))
  return answer
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null)

export interface WechatToken {
  accessToken: string
  openid: string
  unionid: string | null
}

/** The code WeChat sent back, traded for an access token and the person's openid (each code works once). */
export async function exchangeCode(config: WechatConfig, code: string): Promise<WechatToken> {
  const query = new URLSearchParams({ appid: config.appId, secret: config.appSecret, code, grant_type: 'authorization_code' })
  const answer = await getJson(`${config.apiBase}/sns/oauth2/access_token?${query}`)
  const accessToken = text(answer.access_token)
  const openid = text(answer.openid)
  if (!accessToken || !openid) throw new WechatError(null, 'no access_token or openid')
  return { accessToken, openid, unionid: text(answer.unionid) }
}

export interface WechatUser {
  openid: string
  unionid: string | null
  nickname: string
}

/** The person's WeChat profile: the same openid (checked), unionid and nickname. */
export async function fetchUserInfo(config: WechatConfig, token: WechatToken): Promise<WechatUser> {
  const query = new URLSearchParams({ access_token: token.accessToken, openid: token.openid })
  const answer = await getJson(`${config.apiBase}/sns/userinfo?${query}`)
  if (text(answer.openid) !== token.openid) throw new WechatError(null, 'userinfo for another openid')
  return { openid: token.openid, unionid: text(answer.unionid) ?? token.unionid, nickname: (text(answer.nickname) ?? '').slice(0, 64) }
}
