import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'

test.group('Health and regions', () => {
  test('GET /health checks the database', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBody({ status: 'ok', database: 'ok' })
  })

  test('the 21 cities give exactly the 183 counties through /regions/:cityCode/counties', async ({ client, assert }) => {
    const cities = await db.from('regions').where('level', 'city').select('code')
    assert.lengthOf(cities, 21)
    let total = 0
    for (const { code } of cities) {
      const response = await client.get(`/regions/${code}/counties`)
      response.assertStatus(200)
      response.assertHeader('content-type', 'text/html; charset=utf-8')
      const options = [...response.text().matchAll(/<option value="(51\d{4})"/g)].map((match) => match[1])
      assert.isAbove(options.length, 0)
      for (const county of options) assert.equal(county.slice(0, 4), code.slice(0, 4))
      total += options.length
    }
    assert.equal(total, 183)
  })

  test('an unknown or non-city code is 404', async ({ client }) => {
    ;(await client.get('/regions/510104/counties')).assertStatus(404)
    ;(await client.get('/regions/999900/counties')).assertStatus(404)
  })
})
