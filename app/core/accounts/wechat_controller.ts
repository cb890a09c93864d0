import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { clock, MINUTE } from '#core/clock'
import { fieldError } from '#core/http/field_error'
import { takeIntendedUrl } from '#core/accounts/intended_url'
import { phoneRule } from '#core/accounts/validators'
import { SmsCodeRejected } from '#core/accounts/sms_codes'
import { wechatConfig, wechatRedirectUri } from '#core/accounts/wechat_config'
import { authorizeUrl, exchangeCode, fetchUserInfo, WechatError, type WechatUser } from '#core/accounts/wechat_oauth'
import { linkWechat, userForWechat, WechatLinkRefused } from '#core/accounts/wechat_login'
import { signIn } from '#core/accounts/deactivation'

/** Session keys: the state sent to WeChat (one sign-in at a time), and the WeChat waiting for its phone. */
const STATE_KEY = 'wechat_state'
const PENDING_KEY = 'wechat_pending'
/** How long the phone step may wait after WeChat said who the person is. */
const PENDING_TTL = 10 * MINUTE

interface Pending extends WechatUser {
  until: number
}

export const wechatLinkValidator = vine.create({
  phone: phoneRule(),
  code: vine.string().trim().regex(/^\d{6}$/),
})

/** The WeChat's Chinese refusal: a used or invalid code says to scan again, anything else names WeChat's code. */
function refusalKey(error: WechatError) {
  if (error.errcode === 40029 || error.errcode === 40163) return { key: 'accounts.wechat.code_invalid', data: {} }
  if (error.errcode === null) return { key: 'accounts.wechat.unreachable', data: {} }
  return { key: 'accounts.wechat.refused', data: { errcode: error.errcode } }
}

const sameState = (given: unknown, expected: unknown) =>
  typeof given === 'string' &&
  typeof expected === 'string' &&
  given.length === expected.length &&
  timingSafeEqual(Buffer.from(given), Buffer.from(expected))

/**
 * 微信登录 (网站应用, OAuth 2.0): to WeChat's QR-code page with a fresh `state` kept in the
 * session; back with `code` and that `state` (anything else is refused: a forged or replayed
 * callback); the code traded for the person's openid; a linked WeChat signs in, a new one
 * asks once for the phone and its 短信验证码.
 */
export default class WechatController {
  async redirect({ response, session }: HttpContext) {
    const config = wechatConfig()
    if (!config) return response.notFound()
    const state = randomBytes(24).toString('base64url')
    session.put(STATE_KEY, state)
    return response.redirect(authorizeUrl(config, wechatRedirectUri(), state))
  }

  async callback(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const config = wechatConfig()
    if (!config) return response.notFound()
    // The state works once, whatever comes back: a replayed callback finds none.
    const expected = session.pull(STATE_KEY)
    const { code, state } = request.qs()
    const refuse = (key: string, data: Record<string, unknown> = {}) => {
      session.flash('error', i18n.t(key, data))
      return response.redirect().toRoute('session.create')
    }
    if (!sameState(state, expected)) return refuse('accounts.wechat.state_mismatch')
    // Someone who declines on the phone comes back without a code.
    if (typeof code !== 'string' || !code || code.length > 128) return refuse('accounts.wechat.cancelled')
    let wechat: WechatUser
    try {
      wechat = await fetchUserInfo(config, await exchangeCode(config, code))
    } catch (error) {
      if (!(error instanceof WechatError)) throw error
      const { key, data } = refusalKey(error)
      return refuse(key, data)
    }
    const user = await userForWechat(wechat)
    if (user) {
      if (user.deactivatedAt) return refuse('accounts.deactivated')
      await signIn(ctx, user)
      return response.redirect().toPath(takeIntendedUrl(ctx))
    }
    session.put(PENDING_KEY, { ...wechat, until: clock.now().getTime() + PENDING_TTL } satisfies Pending)
    return response.redirect().toRoute('wechat.link')
  }

  /** The WeChat waiting for its phone, or null (none, or waited too long). */
  #pending({ session }: HttpContext): Pending | null {
    const pending = session.get(PENDING_KEY) as Pending | undefined
    return pending && pending.until > clock.now().getTime() ? pending : null
  }

  /** The phone step of the first WeChat login: 手机号 + 短信验证码 of the account to link. */
  async link(ctx: HttpContext) {
    const pending = this.#pending(ctx)
    if (!pending) {
      ctx.session.flash('error', ctx.i18n.t('accounts.wechat.link_expired'))
      return ctx.response.redirect().toRoute('session.create')
    }
    return ctx.view.render('accounts/pages/wechat_link', { nickname: pending.nickname })
  }

  async storeLink(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const pending = this.#pending(ctx)
    if (!pending) {
      session.flash('error', i18n.t('accounts.wechat.link_expired'))
      return response.redirect().toRoute('session.create')
    }
    const { phone, code } = await request.validateUsing(wechatLinkValidator)
    let user
    try {
      user = await linkWechat(phone, code, pending, request.ip())
    } catch (error) {
      if (error instanceof SmsCodeRejected) throw fieldError('code', i18n.t(`accounts.code_${error.verdict}`))
      if (error instanceof WechatLinkRefused) throw fieldError('phone', i18n.t(`accounts.wechat.${error.reason}`))
      throw error
    }
    session.forget(PENDING_KEY)
    if (user.deactivatedAt) throw fieldError('phone', i18n.t('accounts.deactivated'))
    await signIn(ctx, user)
    session.flash('success', i18n.t('accounts.wechat.linked'))
    return response.redirect().toPath(takeIntendedUrl(ctx))
  }
}
