import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { BaseSeeder } from '@adonisjs/lucid/seeders'

/** Sichuan, its 21 cities and 183 counties (GB/T 2260, see database/data/regions.json). Idempotent. */
export default class RegionsSeeder extends BaseSeeder {
  async run() {
    const divisions: { code: string; name: string; level: 'city' | 'county'; parent: string }[] = JSON.parse(
      await readFile(app.makePath('database/data/regions.json'), 'utf8')
    )
    const rows = [
      { code: '510000', name: '四川省', level: 'province', parent_code: null },
      ...divisions.map((d) => ({ code: d.code, name: d.name, level: d.level, parent_code: d.parent })),
    ]
    // Parents first, so the self-reference holds row by row.
    const order = { province: 0, city: 1, county: 2 } as const
    rows.sort((a, b) => order[a.level as keyof typeof order] - order[b.level as keyof typeof order])
    await this.client.table('regions').multiInsert(rows).onConflict('code').merge()
  }
}
