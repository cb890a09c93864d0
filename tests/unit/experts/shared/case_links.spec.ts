import { test } from '@japa/runner'
import { clock, HOUR } from '#core/clock'
import { caseLinkPath, signCaseLink, verifyCaseLink } from '#modules/experts/shared/case_links'

test.group('Case links', (group) => {
  group.each.teardown(() => clock.reset())

  test('a link verifies for its own case, audience and subject', ({ assert }) => {
    const token = signCaseLink(42, 'expert', 7)
    const check = verifyCaseLink(42, token)
    assert.isTrue(check.ok)
    if (check.ok) {
      assert.equal(check.link.audience, 'expert')
      assert.equal(check.link.subjectId, 7)
    }
    assert.match(caseLinkPath(42, 'farmer', 0), /^\/f\/42\/f0\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/)
  })

  test('another case, a changed subject or a changed signature is refused', ({ assert }) => {
    const token = signCaseLink(42, 'expert', 7)
    assert.deepEqual(verifyCaseLink(43, token), { ok: false, reason: 'invalid' })
    assert.deepEqual(verifyCaseLink(42, token.replace(/^e7/, 'e8')), { ok: false, reason: 'invalid' })
    assert.deepEqual(verifyCaseLink(42, token.replace(/^e7/, 'f7')), { ok: false, reason: 'invalid' })
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    assert.deepEqual(verifyCaseLink(42, flipped), { ok: false, reason: 'invalid' })
    assert.deepEqual(verifyCaseLink(42, 'garbage'), { ok: false, reason: 'invalid' })
    assert.deepEqual(verifyCaseLink(42, undefined), { ok: false, reason: 'invalid' })
  })

  test('ids given as strings (Lucid bigints) sign the same subject', ({ assert }) => {
    const check = verifyCaseLink(42, signCaseLink('42' as unknown as number, 'expert', '37' as unknown as number))
    assert.isTrue(check.ok)
    if (check.ok) assert.equal(check.link.subjectId, 37)
  })

  test('a link expires after 72 hours', ({ assert }) => {
    const token = signCaseLink(42, 'expert', 7)
    clock.travel(71 * HOUR)
    assert.isTrue(verifyCaseLink(42, token).ok)
    clock.travel(2 * HOUR)
    assert.deepEqual(verifyCaseLink(42, token), { ok: false, reason: 'expired' })
  })
})
