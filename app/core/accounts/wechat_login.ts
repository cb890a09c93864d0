import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#core/accounts/models/user'
import { audit, registerAuditActions } from '#core/audit/audit'
import { consumeSmsCode, SmsCodeRejected } from '#core/accounts/sms_codes'
import WechatIdentity from '#core/accounts/wechat_identity'
import type { WechatUser } from '#core/accounts/wechat_oauth'

/*
 * 微信登录 and accounts: the first time, the person proves their phone with a 短信验证码 and
 * their WeChat is linked to that account; from then on the WeChat (its openid) signs them in.
 * One WeChat per account, one account per WeChat.
 */

registerAuditActions({ 'account.wechat_link': 'audit.actions.account_wechat_link' })

/** Why a link was refused: the phone's account has a WeChat already, or this WeChat belongs to another account. */
export class WechatLinkRefused extends Error {
  constructor(readonly reason: 'phone_linked' | 'wechat_linked') {
    super(`WeChat link refused: ${reason}`)
  }
}

/** The account this WeChat is linked to (by openid), signing in now; null the first time. */
export async function userForWechat(wechat: WechatUser): Promise<User | null> {
  const identity = await WechatIdentity.findBy('openid', wechat.openid)
  if (!identity) return null
  const user = await User.find(identity.userId)
  if (!user) return null
  const now = DateTime.now()
  identity.merge({ lastLoginAt: now, nickname: wechat.nickname || identity.nickname, unionid: identity.unionid ?? wechat.unionid })
  await identity.save()
  user.lastLoginAt = now
  await user.save()
  return user
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505'

/**
 * The first WeChat login: links the WeChat to the account of `phone` once its login code
 * checks out (a wrong guess is counted and committed, as for every code), and signs in.
 */
export async function linkWechat(phone: string, code: string, wechat: WechatUser, ip: string): Promise<User> {
  let refusal: Error | null = null
  const user = await db.transaction(async (trx) => {
    const verdict = await consumeSmsCode(trx, phone, 'login', code)
    if (verdict !== 'ok') {
      refusal = new SmsCodeRejected(verdict)
      return null
    }
    const owner = await User.query({ client: trx }).where('phone', phone).first()
    if (!owner) {
      refusal = new SmsCodeRejected('missing')
      return null
    }
    const taken = await WechatIdentity.query({ client: trx })
      .where((query) => {
        query.where('openid', wechat.openid).orWhere('user_id', owner.id)
        if (wechat.unionid) query.orWhere('unionid', wechat.unionid)
      })
      .first()
    if (taken) {
      refusal = new WechatLinkRefused(Number(taken.userId) === Number(owner.id) ? 'phone_linked' : 'wechat_linked')
      return null
    }
    const now = DateTime.now()
    await WechatIdentity.create({ userId: owner.id, openid: wechat.openid, unionid: wechat.unionid, nickname: wechat.nickname, lastLoginAt: now }, { client: trx })
    owner.useTransaction(trx)
    owner.lastLoginAt = now
    await owner.save()
    await audit(trx, { actor: owner, action: 'account.wechat_link', subjectType: 'user', subjectId: owner.id, countyCode: owner.countyCode, ip })
    return owner
  }).catch((error) => {
    // Two tabs linking the same WeChat at once: the second meets the unique index.
    if (isUniqueViolation(error)) throw new WechatLinkRefused('wechat_linked')
    throw error
  })
  if (refusal) throw refusal
  return user!
}
