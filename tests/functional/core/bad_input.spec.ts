import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { normaliseInput, normaliseText } from '#core/http/normalise_input_middleware'
import Consultation from '#modules/experts/models/consultation'
import { farmer, newKey, postReport, RICE_BLAST } from '#tests/fixtures/experts/consultations'
import { clearRateLimits, dirtyColumns, flashedErrors, HOSTILE, judge, post, RAW_MARKUP, type FormRegistry, type Mode } from '#tests/fixtures/forms/suite'
import { registry as core } from '#tests/fixtures/forms/core'
import { registry as experts } from '#tests/fixtures/forms/experts'
import { registry as admin } from '#tests/fixtures/forms/admin'

/*
 * Issue 12, finding 3 and the bad-input suite: every text field of every form takes the
 * hostile strings of tests/fixtures/forms/hostile.ts without a 5xx, answering either a
 * Chinese message or a clean store, and never reflecting markup unescaped.
 */

test.group('bad input / the normaliser (#core/http/normalise_input_middleware)', () => {
  test('removes C0 controls but tab, newline and CR; DEL and C1; lone surrogates; bidi controls', ({ assert }) => {
    assert.equal(normaliseText('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\u007Fh\u0085i'), 'abcdefghi')
    assert.equal(normaliseText('一\t二\n三\r\n四'), '一\t二\n三\r\n四')
    assert.equal(normaliseText('x\uD800y\uDC00z'), 'xyz')
    assert.equal(normaliseText('gpj\u202E.exe\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069'), 'gpj.exe')
  })

  test('keeps emoji (surrogate pairs, ZWJ sequences), zero-width joiners and every script', ({ assert }) => {
    for (const text of ['👨‍👩‍👧 🌾🐄', 'a\u200Db\u200Cc\u200Bd', '水稻 ꆈꌠ བོད་ Рис ٱلأرز', '<script>alert(1)</script>', "'; DROP TABLE users;--"]) {
      assert.equal(normaliseText(text), text)
    }
  })

  test('walks nested bodies: arrays, objects and keys; other values stay', ({ assert }) => {
    const file = new (class Upload {
      name = 'a\u0000'
    })()
    assert.deepEqual(normaliseInput({ 'k\u0000': ['a\u0000', { b: 'c\u202E' }], n: 3, z: null, file }), { k: ['a', { b: 'c' }], n: 3, z: null, file })
  })
})

test.group('bad input / finding 3: a NUL in free text', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('报需求 with a real NUL byte (multipart, no JS) stores the case without it instead of a 500', async ({ client, assert }) => {
    const reporter = await farmer('510129')
    const response = await postReport(client, reporter, { text: `${RICE_BLAST}\u0000\u202E`, county_code: '510129', idempotency_key: newKey() })
    response.assertStatus(302)
    const stored = await Consultation.query().where('reporter_id', reporter.id).firstOrFail()
    assert.equal(stored.text, RICE_BLAST)
  })

  test('a NUL in a query string is removed as well (找类似 searches the text index with it)', async ({ client }) => {
    const response = await client.get(`/consultations/similar?county_code=510129&text=${encodeURIComponent(RICE_BLAST)}%00%E2%80%AE`).loginAs(await farmer('510129'))
    response.assertStatus(200)
  })
})

/*
 * The suite: each registered form, each of its text fields, the hostile strings. A post
 * runs in its own transaction with a fresh record (prepare), so a form that changes state
 * is tried in its state every time. To stay within minutes on two cores, a field gets every
 * hostile string once, alternating plain post and htmx (shifted per field, so every string
 * reaches each form both ways when it has two fields or more); the script tag and NUL go
 * both ways into every field.
 */
const REGISTRIES: [string, FormRegistry][] = [
  ['core', core],
  ['experts', experts],
  ['admin', admin],
]
const BOTH_WAYS = new Set(['script tag', 'NUL'])

function plan(fieldIndex: number) {
  return HOSTILE.flatMap((hostile, index) => {
    if (BOTH_WAYS.has(hostile.name)) return [{ hostile, mode: 'plain' as Mode }, { hostile, mode: 'htmx' as Mode }]
    return [{ hostile, mode: ((index + fieldIndex) % 2 ? 'htmx' : 'plain') as Mode }]
  })
}

async function isolated<T>(work: () => Promise<T>): Promise<T> {
  await db.beginGlobalTransaction()
  try {
    return await work()
  } finally {
    await db.rollbackGlobalTransaction()
  }
}

for (const [module, registry] of REGISTRIES) {
  test.group(`bad input / ${module} forms`, () => {
    for (const form of registry.forms) {
      test(`${form.route}: the valid payload is taken (the fixture is right)`, async ({ client, assert }) => {
        await isolated(async () => {
          if (form.rateLimited) await clearRateLimits()
          const prepared = await form.prepare(client)
          const response = await post(client, prepared, prepared.payload, 'plain')
          const { problems, stored } = judge(response, 'plain')
          assert.deepEqual(problems, [])
          assert.isTrue(stored, `refused: ${JSON.stringify(flashedErrors(response))} (${response.status()})`)
        })
      })

      form.fields.forEach((field, fieldIndex) => {
        test(`${form.route}: hostile strings in ${field}`, async ({ client, assert }) => {
          const failures: string[] = []
          for (const { hostile, mode } of plan(fieldIndex)) {
            await isolated(async () => {
              if (form.rateLimited) await clearRateLimits()
              const prepared = await form.prepare(client)
              const response = await post(client, prepared, { ...prepared.payload, [field]: hostile.value }, mode)
              const { problems, stored } = judge(response, mode)
              if (stored && hostile.controls) for (const column of await dirtyColumns()) problems.push(`stored a control character in ${column}`)
              // A plain post's answer is a redirect: the page it leads to shows the input (refused) or the record (stored).
              const location = response.header('location')
              if (hostile.markup && mode === 'plain' && location && response.status() < 400) {
                let next = client.get(location).withFlashMessages(response.flashMessages() ?? {}).redirects(0)
                if (prepared.user) next = next.loginAs(prepared.user)
                const page = await next
                if (page.status() >= 500) problems.push(`the page after the redirect answered ${page.status()}`)
                for (const markup of RAW_MARKUP) if (page.text().includes(markup)) problems.push(`${location} reflects ${markup} unescaped`)
              }
              for (const problem of problems) failures.push(`${hostile.name} (${mode}): ${problem}`)
            })
          }
          assert.deepEqual(failures, [])
        })
      })
    }
  })
}
