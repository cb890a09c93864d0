import { test } from '@japa/runner'
import { RuleError } from '#core/http/rule_error'
import { assertMove, BOUNTY_STATUSES, canMove, feeMismatch, TRANSITIONS } from '#modules/achievements/bounties/bounty_states'

test.group('Achievements / the bounty state machine', () => {
  test('the legal path: open → claimed → negotiating → agreed → done; cancelling before agreement', ({ assert }) => {
    for (const [from, to] of [['open', 'claimed'], ['claimed', 'negotiating'], ['negotiating', 'agreed'], ['agreed', 'done'], ['open', 'cancelled'], ['claimed', 'cancelled'], ['negotiating', 'cancelled']] as const) {
      assert.isTrue(canMove(from, to), `${from} → ${to}`)
      assert.doesNotThrow(() => assertMove(from, to))
    }
  })

  test('every other step is refused with a RuleError naming the state the bounty is in', ({ assert }) => {
    let refused = 0
    for (const from of BOUNTY_STATUSES) {
      for (const to of BOUNTY_STATUSES) {
        if (TRANSITIONS[from].includes(to)) continue
        refused++
        assert.isFalse(canMove(from, to))
        const error = (() => {
          try {
            assertMove(from, to)
          } catch (caught) {
            return caught
          }
        })()
        assert.instanceOf(error, RuleError, `${from} → ${to}`)
        assert.equal((error as RuleError).messageKey, `achievements.bounties.errors.state_${from}`)
      }
    }
    assert.equal(refused, 36 - 7)
    assert.isFalse(canMove('open', 'agreed'), 'no skipping negotiation')
    assert.isFalse(canMove('agreed', 'cancelled'), 'an agreed bounty is not cancelled')
    assert.isFalse(canMove('done', 'open'))
  })

  test('fee mismatch: only when both reported and the figures differ', ({ assert }) => {
    assert.isFalse(feeMismatch(500000, 500000))
    assert.isTrue(feeMismatch(500000, 450000))
    assert.isFalse(feeMismatch(500000, null))
    assert.isFalse(feeMismatch(null, null))
    assert.isFalse(feeMismatch(0, 0))
    assert.isTrue(feeMismatch(0, 1))
  })
})
