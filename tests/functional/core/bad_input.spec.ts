import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import { normaliseInput, normaliseText } from '#core/http/normalise_input_middleware'
import Consultation from '#modules/experts/models/consultation'
import { farmer, newKey, postReport, RICE_BLAST } from '#tests/fixtures/experts/consultations'
import { clearRateLimits, dirtyColumns, flashedErrors, HOSTILE, judge, post, RAW_MARKUP, type FormRegistry, type Mode } from '#tests/fixtures/forms/suite'
import { registry as core } from '#tests/fixtures/forms/core'
import { registry as experts } from '#tests/fixtures/forms/experts'
import { registry as admin } from '#tests/fixtures/forms/admin'
import { registry as info } from '#tests/fixtures/forms/info'
import { registry as supply } from '#tests/fixtures/forms/supply'
import { registry as achievements } from '#tests/fixtures/forms/achievements'

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
 * is tried in its state every time. To stay within a couple of minutes on two cores, the
 * script tag and NUL go both ways (plain post and htmx) into every field, and each field
 * gets SAMPLE more strings, taken in turn from the rest of the list (shifted per field and
 * per form, so a form with three fields or more gets every string) and alternating the way
 * they are posted. BAD_INPUT_FULL=1 posts every string both ways into every field.
 */
const REGISTRIES: [string, FormRegistry][] = [
  ['core', core],
  ['experts', experts],
  ['admin', admin],
  ['info', info],
  ['supply', supply],
  ['achievements', achievements],
]
const BOTH_WAYS = new Set(['script tag', 'NUL'])
const SAMPLE = 4
const FULL = process.env.BAD_INPUT_FULL === '1'

function plan(formIndex: number, fieldIndex: number) {
  const both = (hostile: (typeof HOSTILE)[number]) => [
    { hostile, mode: 'plain' as Mode },
    { hostile, mode: 'htmx' as Mode },
  ]
  if (FULL) return HOSTILE.flatMap(both)
  const rest = HOSTILE.filter((hostile) => !BOTH_WAYS.has(hostile.name))
  const start = (fieldIndex * SAMPLE + formIndex) % rest.length
  const sampled = Array.from({ length: SAMPLE }, (_, index) => ({
    hostile: rest[(start + index) % rest.length],
    mode: ((index + fieldIndex) % 2 ? 'htmx' : 'plain') as Mode,
  }))
  return [...HOSTILE.filter((hostile) => BOTH_WAYS.has(hostile.name)).flatMap(both), ...sampled]
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
    registry.forms.forEach((form, formIndex) => {
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
          for (const { hostile, mode } of plan(formIndex, fieldIndex)) {
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
    })
  })
}

test.group('bad input / every POST route is registered', () => {
  test('each POST route of the router is a form of tests/fixtures/forms/<module>.ts or exempt there, and nothing registered is gone', async ({ assert }) => {
    const posted = new Set<string>()
    for (const domain of Object.values(router.toJSON())) {
      for (const route of domain) if (route.methods.includes('POST')) posted.add(route.name ?? route.pattern)
    }
    const registered = REGISTRIES.flatMap(([, registry]) => [...registry.forms.map((form) => form.route), ...Object.keys(registry.exempt)])
    const unregistered = [...posted].filter((name) => !registered.includes(name))
    assert.deepEqual(unregistered, [], 'register these POST routes with the bad-input suite (tests/fixtures/forms/<module>.ts)')
    assert.deepEqual(
      registered.filter((name) => !posted.has(name)),
      [],
      'registered but no longer a POST route'
    )
    assert.equal(new Set(registered).size, registered.length, 'a route registered twice')
  })
})
