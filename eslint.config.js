/*
 * Lint: AdonisJS's own preset, plus the module boundaries of DESIGN §2, enforced here
 * rather than remembered. `eslint-plugin-import-x`'s no-restricted-paths resolves every
 * import — static, dynamic `import()` and `#alias` alike — to a file before it judges it,
 * so a boundary cannot be crossed by spelling the path differently.
 */
import { readdirSync } from 'node:fs'
import { configApp } from '@adonisjs/eslint-config'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const modules = readdirSync(new URL('./app/modules/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const boundaries = [
  {
    target: './app/core',
    from: './app/modules',
    message: 'Core knows no module: offer a registry in core and let the module fill it from its start.ts.',
  },
  ...modules.map((name) => ({
    target: `./app/modules/${name}`,
    from: './app/modules',
    except: [`./${name}`, ...modules.filter((other) => other !== name).map((other) => `./${other}/public.ts`)],
    message: `Another module is reached only through its public.ts (import '#modules/<module>/public').`,
  })),
  ...modules.map((name) => ({
    target: `./app/modules/${name}`,
    from: './database',
    except: [`./factories/${name}`],
    message: 'A module uses only its own database files; core data goes through core services.',
  })),
]

export default configApp(
  { ignores: ['tmp/**', 'build/**', 'storage/**', 'public/**', '.adonisjs/**', 'tests/fixtures/lint/**'] },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      // `(await query).rows` is how Lucid's raw queries read; a temporary per call adds nothing.
      '@unicorn/no-await-expression-member': 'off',
      // The preset's, plus `_name` for a value destructured only to be left out.
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'variable', format: ['camelCase', 'UPPER_CASE', 'PascalCase'], leadingUnderscore: 'allow' },
        { selector: 'typeLike', format: ['PascalCase'] },
        { selector: 'class', format: ['PascalCase'] },
        { selector: 'interface', format: ['PascalCase'], custom: { regex: '^I[A-Z]', match: false } },
      ],
      // Layout is left to the editor for now: the preset's Prettier and line-length
      // rules would rewrite most of the tree in one commit.
      'prettier/prettier': 'off',
      '@stylistic/max-len': 'off',
    },
  }
)
