import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 微信登录 (plan 五(三)3): a person's WeChat, linked once after an SMS check of their phone,
 * then the way they sign in. One WeChat per account and one account per WeChat: the openid
 * (this web app's id of the WeChat user) and, when WeChat gives one, the unionid are unique.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('wechat_identities', (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().unique().references('id').inTable('users').onDelete('CASCADE')
      table.string('openid', 64).notNullable().unique()
      table.string('unionid', 64).nullable().unique()
      table.string('nickname', 64).notNullable().defaultTo('')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('last_login_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.dropTable('wechat_identities')
  }
}
