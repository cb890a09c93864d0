import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Finding people by name (用户管理, 角色与权限) without reading every account: one or two
 * characters match the start of the name (a surname, "李建") through a pattern index, three or
 * more anywhere in it through trigrams (#modules/admin/users/user_search). Plan scale: 110 k
 * accounts, a sequential ILIKE over them took 140–170 ms.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    this.schema.raw('CREATE INDEX IF NOT EXISTS users_name_prefix ON users (name text_pattern_ops)')
    this.schema.raw('CREATE INDEX IF NOT EXISTS users_name_trigram ON users USING gin (name gin_trgm_ops)')
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS users_name_trigram')
    this.schema.raw('DROP INDEX IF EXISTS users_name_prefix')
  }
}
