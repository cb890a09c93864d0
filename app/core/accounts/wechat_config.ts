import env from '#start/env'

/*
 * 微信登录's settings (start/env.ts): a 网站应用 of WeChat's open platform. Read on every use,
 * so a test can point the bases at its local fake server (env.set) and switch it off again.
 */

export interface WechatConfig {
  appId: string
  appSecret: string
  /** Where the QR-code authorize page lives (open.weixin.qq.com). */
  oauthBase: string
  /** Where the code is exchanged and the user info read (api.weixin.qq.com). */
  apiBase: string
}

const withoutSlash = (url: string) => url.replace(/\/+$/, '')

/** The settings, or null when WeChat login is off (no AppID configured): then its button is hidden and its routes are 404. */
export function wechatConfig(): WechatConfig | null {
  const appId = env.get('WECHAT_APP_ID')
  const appSecret = env.get('WECHAT_APP_SECRET')
  if (!appId || !appSecret) return null
  return {
    appId,
    appSecret: appSecret.release(),
    oauthBase: withoutSlash(env.get('WECHAT_OAUTH_BASE') || 'https://open.weixin.qq.com'),
    apiBase: withoutSlash(env.get('WECHAT_API_BASE') || 'https://api.weixin.qq.com'),
  }
}

export const wechatEnabled = () => wechatConfig() !== null

/** The callback WeChat sends the browser back to (registered with WeChat as the app's 授权回调域). */
export function wechatRedirectUri() {
  return `${withoutSlash(env.get('APP_URL'))}/login/wechat/callback`
}
