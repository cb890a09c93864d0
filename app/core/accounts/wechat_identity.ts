import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A person's linked WeChat (wechat_identities): how they sign in with 微信登录 after the first time. */
export default class WechatIdentity extends BaseModel {
  static table = 'wechat_identities'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare openid: string

  @column()
  declare unionid: string | null

  @column()
  declare nickname: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare lastLoginAt: DateTime | null
}
