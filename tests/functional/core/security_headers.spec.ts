import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers'
import { caseLinkPath } from '#modules/experts/shared/case_links'
import { makeCase } from '#tests/fixtures/experts/consultations'

const PERMISSIONS = /camera=\(\), microphone=\(\), geolocation=\(\)/

test.group('Security headers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an SMS-link page sends its address to no other site and is never cached; it denies unused browser features', async ({ client, assert }) => {
    const consultation = await makeCase({ farmer: { name: '张农户', phone: '13912345678' } })
    const response = await client.get(caseLinkPath(consultation.id, 'farmer', 0))
    response.assertStatus(200)
    response.assertHeader('referrer-policy', 'same-origin')
    response.assertHeader('cache-control', 'no-store')
    assert.match(response.header('permissions-policy') ?? '', PERMISSIONS)
  })

  test('a tampered link is refused with the same headers (its URL is still a credential)', async ({ client }) => {
    const consultation = await makeCase()
    const response = await client.get(`/l/${consultation.id}/e1.zzzz.AAAAAAAAAAAAAAAAAAAAAA`)
    response.assertStatus(403)
    response.assertHeader('referrer-policy', 'same-origin')
    response.assertHeader('cache-control', 'no-store')
  })

  test('signed-in pages are not cached; public pages send the origin only and may be cached', async ({ client, assert }) => {
    const user = await createUser({ county: '510129' })
    const profile = await client.get('/profile').loginAs(user)
    profile.assertStatus(200)
    profile.assertHeader('cache-control', 'no-store')
    profile.assertHeader('referrer-policy', 'strict-origin-when-cross-origin')

    const home = await client.get('/')
    home.assertHeader('referrer-policy', 'strict-origin-when-cross-origin')
    assert.notEqual(home.header('cache-control'), 'no-store')
    assert.match(home.header('permissions-policy') ?? '', PERMISSIONS)
  })

  test('a handler that sets its own caching keeps it for signed-in people (the region list)', async ({ client }) => {
    const user = await createUser({ county: '510129' })
    const counties = await client.get('/regions/510100/counties').loginAs(user)
    counties.assertStatus(200)
    counties.assertHeader('cache-control', 'public, max-age=86400')
  })
})
