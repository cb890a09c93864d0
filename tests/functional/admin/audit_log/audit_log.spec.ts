import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEntry from '#core/audit/audit_entry'
import { audit } from '#core/audit/audit'
import RoleGrant from '#core/accounts/models/role_grant'
import { createUser, submitForm } from '#tests/helpers'

test.group('Audit log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('granting a role writes its audit row with the change, the actor and the region', async ({ client, assert }) => {
    const admin = await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const person = await createUser({ county: '510105' })
    await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'center_staff', scope: '510105' }, admin)
    const entry = await AuditEntry.query().where('action', 'role.grant').firstOrFail()
    assert.deepInclude(entry.$attributes, {
      actorId: admin.id,
      actorRole: 'center_admin',
      subjectType: 'user',
      subjectId: String(person.id),
      countyCode: '510105',
    })
    assert.deepEqual(entry.changes, { role: { old: null, new: 'center_staff' }, scope: { old: null, new: '510105' } })
    assert.isNotNull(entry.ip)
  })

  test('a change and its audit row commit or roll back together', async ({ assert }) => {
    const person = await createUser({ county: '510104' })
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await RoleGrant.create({ userId: person.id, role: 'expert', scope: null }, { client: trx })
        await audit(trx, { actor: person, action: 'role.grant', subjectType: 'user', subjectId: person.id, countyCode: '510104' })
        throw new Error('the request failed after both writes')
      })
    )
    assert.isNull(await RoleGrant.query().where({ userId: person.id, role: 'expert' }).first())
    assert.isNull(await AuditEntry.query().where('subjectId', String(person.id)).first())

    await db.transaction(async (trx) => {
      await RoleGrant.create({ userId: person.id, role: 'expert', scope: null }, { client: trx })
      await audit(trx, { actor: person, action: 'role.grant', subjectType: 'user', subjectId: person.id, countyCode: '510104' })
    })
    assert.isNotNull(await RoleGrant.query().where({ userId: person.id, role: 'expert' }).first())
    assert.isNotNull(await AuditEntry.query().where('subjectId', String(person.id)).first())
  })

  test('the database refuses to update or delete audit rows', async ({ assert }) => {
    await db.transaction(async (trx) => audit(trx, { actor: null, action: 'role.grant', subjectType: 'user', subjectId: 1 }))
    // Each attempt in its own savepoint so the outer test transaction survives the error.
    for (const attempt of [
      (trx: any) => trx.from('audit_log').update({ action: 'forged' }),
      (trx: any) => trx.from('audit_log').delete(),
    ]) {
      await assert.rejects(() => db.transaction(attempt), /append-only/)
    }
    assert.equal((await AuditEntry.query().firstOrFail()).action, 'role.grant')
  })

  test('a county admin sees its county’s entries only; the city admin sees both', async ({ client, assert }) => {
    await db.transaction(async (trx) => {
      await audit(trx, { actor: null, action: 'role.grant', subjectType: 'user', subjectId: 'in-jinjiang', countyCode: '510104' })
      await audit(trx, { actor: null, action: 'role.grant', subjectType: 'user', subjectId: 'in-qingyang', countyCode: '510105' })
    })
    const county = await createUser({ roles: ['center_admin'], scopes: { center_admin: '510104' } })
    const city = await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } })

    const own = await client.get('/admin/audit').loginAs(county)
    own.assertStatus(200)
    assert.include(own.text(), 'in-jinjiang')
    assert.notInclude(own.text(), 'in-qingyang')

    const both = await client.get('/admin/audit').header('HX-Request', 'true').loginAs(city)
    assert.include(both.text(), 'in-jinjiang')
    assert.include(both.text(), 'in-qingyang')
    assert.notInclude(both.text(), '<html')
  })

  test('people without an admin role get 403', async ({ client }) => {
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    ;(await client.get('/admin/audit').loginAs(staff)).assertStatus(403)
  })

  test('a password reset and a profile change are audited without secrets', async ({ client, assert }) => {
    const person = await createUser({ county: '510104', name: '旧名' })
    await submitForm(client, '/profile', { name: '新名', county_code: '510105' }, person)
    const entry = await AuditEntry.query().where('action', 'account.profile_update').firstOrFail()
    assert.deepEqual(entry.changes, { name: { old: '旧名', new: '新名' }, countyCode: { old: '510104', new: '510105' } })
    assert.notInclude(JSON.stringify(await AuditEntry.all()), 'password')
  })
})
