import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import { ESLint } from 'eslint'

/**
 * The module boundaries of DESIGN §2 are enforced by eslint.config.js. Each fixture in
 * tests/fixtures/lint/ is linted as if it stood at the path its first line names, so a
 * rule that stopped resolving imports (and so stopped judging them) fails here.
 */
const root = new URL('../../../', import.meta.url)

async function boundaryErrors(fixture: string) {
  const text = await readFile(new URL(`tests/fixtures/lint/${fixture}`, root), 'utf8')
  const filePath = /^\/\/ lint-as: (\S+)/.exec(text)![1]
  const [result] = await new ESLint({ cwd: root.pathname }).lintText(text, { filePath })
  return result.messages.filter((message) => message.ruleId === 'import-x/no-restricted-paths').map((message) => message.line)
}

test.group('Module boundaries (lint)', () => {
  test('core may not import a module, not even its public.ts, not even lazily', async ({ assert }) => {
    assert.deepEqual(await boundaryErrors('core_imports_module.ts'), [3, 6])
  }).timeout(30_000)

  test('a module reaches another only through its public.ts', async ({ assert }) => {
    assert.deepEqual(await boundaryErrors('module_imports_internals.ts'), [3])
  }).timeout(30_000)

  test('a module may not use database files of another module', async ({ assert }) => {
    assert.deepEqual(await boundaryErrors('module_imports_database.ts'), [3])
  }).timeout(30_000)
})
