import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { onReplica, REPLICA, resetReplicaState } from '#core/database/replica'

/** A read that says which connection it ran on and what it saw. */
const used: string[] = []
const read = async (client: QueryClientContract) => {
  used.push(client.connectionName)
  const row = await client.from('regions').where('code', '510104').select('name').firstOrFail()
  return row.name as string
}

async function withReplica(connectionString: string) {
  if (db.manager.has(REPLICA)) await db.manager.release(REPLICA)
  db.manager.add(REPLICA, { client: 'pg', connection: { connectionString }, pool: { min: 0, max: 2, createTimeoutMillis: 1000, acquireTimeoutMillis: 1500 } })
}

test.group('Database / reads on the replica, with a fallback to the primary', (group) => {
  group.each.setup(() => {
    used.length = 0
    resetReplicaState()
    return async () => {
      if (db.manager.has(REPLICA)) await db.manager.release(REPLICA)
    }
  })

  test('without DATABASE_REPLICA_URL everything reads the primary', async ({ assert }) => {
    assert.isFalse(db.manager.has(REPLICA))
    assert.equal(await onReplica(read), '锦江区')
    assert.deepEqual(used, ['postgres'])
  })

  test('a replica that answers takes the read', async ({ assert }) => {
    await withReplica(env.get('DATABASE_URL'))
    assert.equal(await onReplica(read), '锦江区')
    assert.deepEqual(used, [REPLICA])
  })

  test('a replica that is down: the primary answers at once, and the replica is left alone for a while', async ({ assert }) => {
    await withReplica('postgres://postgres:postgres@127.0.0.1:1/none')
    assert.equal(await onReplica(read), '锦江区')
    assert.deepEqual(used, [REPLICA, 'postgres'])
    used.length = 0
    assert.equal(await onReplica(read), '锦江区')
    assert.deepEqual(used, ['postgres'])
  })

  test('a wrong query is not hidden by the fallback', async ({ assert }) => {
    await withReplica(env.get('DATABASE_URL'))
    const failing = (client: QueryClientContract) => client.rawQuery('SELECT * FROM no_such_table')
    await assert.rejects(() => onReplica(failing), /no_such_table/)
  })
})
