import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { BaseSeeder } from '@adonisjs/lucid/seeders'

/** Sichuan's "10+3" modern agriculture industries (database/data/industries.json). Idempotent. */
export default class IndustriesSeeder extends BaseSeeder {
  async run() {
    const { industries }: { industries: { code: string; name: string; group: '10' | '3' }[] } = JSON.parse(
      await readFile(app.makePath('database/data/industries.json'), 'utf8')
    )
    await this.client
      .table('industries')
      .multiInsert(industries.map((i, position) => ({ code: i.code, name: i.name, industry_group: i.group, position })))
      .onConflict('code')
      .merge()
  }
}
