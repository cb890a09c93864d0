import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { RuleError } from '#core/http/rule_error'
import { allowedDecision, proposeSeller, removeSeller, selectSeller, type SellerInput } from '#modules/supply/sellers/seller_actions'
import { contactPhoneView, isShopUrl, shopUrlLines } from '#modules/supply/shared/channels'
import { industriesOf } from '#core/industries/industry_rules'
import { sellersPath } from '#modules/supply/public'
import { seasonOf } from '#core/seasons'
import { createUser } from '#tests/helpers'
import { makeSeller } from '#tests/fixtures/supply/sellers'

const input = (overrides: Partial<SellerInput> = {}): SellerInput => ({
  name: '大邑农资',
  kind: 'materials',
  countyCode: '510129',
  industries: ['seed'],
  products: '水稻种子',
  shopUrls: [],
  wechatId: null,
  phone: '13900000002',
  licenceNumber: null,
  ...overrides,
})

test.group('Supply / seller rules', () => {
  test('a decision is allowed unless the seller is already in that status', ({ assert }) => {
    assert.isTrue(allowedDecision('proposed', 'selected'))
    assert.isTrue(allowedDecision('proposed', 'removed'))
    assert.isTrue(allowedDecision('selected', 'removed'))
    assert.isTrue(allowedDecision('removed', 'selected'))
    assert.isFalse(allowedDecision('selected', 'selected'))
    assert.isFalse(allowedDecision('removed', 'removed'))
  })

  test('shop links are http(s) with a host, nothing else', ({ assert }) => {
    for (const url of ['https://shop.example.com/a', 'http://mall.example.cn/store/12?x=1']) assert.isTrue(isShopUrl(url), url)
    for (const url of ['javascript:alert(1)', 'JavaScript://example.com/%0Aalert(1)', 'data:text/html,x', 'ftp://example.com', 'https://localhost', 'https://a b.com', '//example.com', 'https://' + 'a'.repeat(200) + '.com']) {
      assert.isFalse(isShopUrl(url), url)
    }
    assert.deepEqual(shopUrlLines(' https://a.example.com \r\n\n https://b.example.com'), ['https://a.example.com', 'https://b.example.com'])
    assert.deepEqual(shopUrlLines(undefined), [])
  })

  test('phones are masked to the first three and last four digits; industries keep the main one first', ({ assert }) => {
    assert.deepEqual(contactPhoneView('13900000001', false), { shown: '139****0001', tel: null })
    assert.deepEqual(contactPhoneView('028-88321234', false), { shown: '028****1234', tel: null })
    assert.deepEqual(contactPhoneView('028-88321234', true), { shown: '028-88321234', tel: '02888321234' })
    assert.isNull(contactPhoneView(null, true))
    assert.deepEqual(industriesOf('seed', ['equipment', 'seed', 'equipment']), ['seed', 'equipment'])
  })
})

test.group('Supply / seller actions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a proposal needs one channel at least', async ({ assert }) => {
    const actor = await createUser()
    await assert.rejects(() => proposeSeller({ actor, ip: null }, input({ phone: null })), RuleError)
    const seller = await proposeSeller({ actor, ip: null }, input())
    assert.equal(seller.status, 'proposed')
  })

  test('select then remove records who decided and why; repeating a decision is a RuleError', async ({ assert }) => {
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const seller = await makeSeller({ status: 'proposed' })
    const selected = await selectSeller({ actor: staff, ip: null }, 'center_staff', seller.id)
    assert.equal(selected.status, 'selected')
    assert.equal(selected.reviewedById, staff.id)
    await assert.rejects(() => selectSeller({ actor: staff, ip: null }, 'center_staff', seller.id), RuleError)
    const removed = await removeSeller({ actor: staff, ip: null }, 'center_staff', seller.id, '无法核实资质')
    assert.equal(removed.status, 'removed')
    assert.equal(removed.removalReason, '无法核实资质')
    const again = await selectSeller({ actor: staff, ip: null }, 'center_staff', seller.id)
    assert.isNull(again.removalReason)
  })
})

test.group('Supply / links for other modules', () => {
  test('sellersPath names only the filters given', ({ assert }) => {
    assert.equal(sellersPath(), '/supply')
    assert.equal(sellersPath({ industry: 'grain_oil', countyCode: '510129', kind: 'materials' }), '/supply?industry=grain_oil&county_code=510129&kind=materials')
    assert.equal(sellersPath({ kind: 'materials' }), '/supply?kind=materials')
  })
})

test.group('Supply / seasons', () => {
  test('months fall into the farming seasons: 3–5 spring, 6–8 summer, 9–11 autumn, 12–2 winter', ({ assert }) => {
    const seasons = Array.from({ length: 12 }, (_, i) => seasonOf(i + 1))
    assert.deepEqual(seasons, ['winter', 'winter', 'spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'autumn', 'autumn', 'autumn', 'winter'])
  })
})
