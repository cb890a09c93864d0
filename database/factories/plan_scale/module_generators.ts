import { readdir } from 'node:fs/promises'
import type pg from 'pg'
import type { Random } from '#database/factories/plan_scale/random'

/**
 * How a module adds its plan-scale data to `demo:generate`, as `bench/modules/` adds
 * pages to the bench: one file per module in `database/factories/plan_scale/modules/`,
 * exporting `generate(context)`, run in file order after the core and experts phases
 * (users, role grants, cases and profiles exist by then; read them with SQL).
 * `demo:generate --modules info,supply` runs only those files on a database that was
 * generated before, so a module's data can be redone without the 1 M cases.
 *
 * A module empties its own tables first (tables that refer to users are already
 * emptied by --replace's TRUNCATE … CASCADE), writes with COPY (CopyWriter), and
 * returns the number of rows it wrote.
 */
export interface ModuleGenerationContext {
  /** A connection of its own: FK triggers skipped (session_replication_role = replica), asynchronous commit. */
  connect(): Promise<pg.Client>
  /** Seeded from --seed and the module's name: a module's data does not change when another's does. */
  random: Random
  counties: { code: string; name: string; city: string; cityName: string }[]
  /** The end of the generated years (--until). */
  until: Date
  /** Hash of the password every generated account gets. */
  passwordHash: string
  log(line: string): void
}

export interface ModuleGenerator {
  name: string
  generate(context: ModuleGenerationContext): Promise<number | void>
}

const FOLDER = new URL('./modules/', import.meta.url)

export async function moduleGenerators(only?: string[]): Promise<ModuleGenerator[]> {
  const files = (await readdir(FOLDER)).filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')).sort()
  const generators: ModuleGenerator[] = []
  for (const file of files) {
    const name = file.replace(/\.(ts|js)$/, '')
    if (only && !only.includes(name)) continue
    const loaded = (await import(new URL(file, FOLDER).href)) as { generate: ModuleGenerator['generate'] }
    generators.push({ name, generate: loaded.generate })
  }
  const unknown = only?.filter((name) => !generators.some((generator) => generator.name === name)) ?? []
  if (unknown.length) throw new Error(`no module generator named ${unknown.join(', ')} in database/factories/plan_scale/modules/`)
  return generators
}

export function moduleSeed(seed: number, name: string): number {
  let hash = seed >>> 0
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0
  return hash
}
