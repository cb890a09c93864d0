import { test } from '@japa/runner'
import { isDatabaseUnavailable } from '#core/database/unavailable'

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code })

test.group('Database unavailable (a restart, a failover, a full pool)', () => {
  test('what a restart or an outage looks like is recognised, also wrapped', ({ assert }) => {
    for (const error of [
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
      pgError('08006'),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }),
      new Error('E_SESSION', { cause: pgError('ECONNRESET') }),
    ]) {
      assert.isTrue(isDatabaseUnavailable(error), String(error))
    }
  })

  test('a wrong query, a constraint, or anything else is not', ({ assert }) => {
    for (const error of [pgError('42P01', 'relation "nope" does not exist'), pgError('23505', 'duplicate key'), new Error('boom'), null, undefined, 'text']) {
      assert.isFalse(isDatabaseUnavailable(error), String(error))
    }
  })
})
