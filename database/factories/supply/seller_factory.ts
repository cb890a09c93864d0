import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Seller from '#modules/supply/models/seller'

/**
 * 电商: a selected seller of 川果 products in 锦江区 with a shop link, a WeChat id and a
 * phone. States: `proposed` (waiting for the centre), `removed` (with its reason),
 * `materials` (农资).
 */
export const SellerFactory = factory
  .define(Seller, () => ({
    name: '蒲江猕猴桃电商',
    kind: 'products' as const,
    countyCode: '510104',
    industries: ['fruit'],
    products: '红心猕猴桃、丑柑',
    shopUrls: ['https://shop.example.com/kiwi'],
    wechatId: 'kiwi_farm01',
    phone: '13900000001',
    licenceNumber: null,
    status: 'selected' as const,
    flagged: false,
    removalReason: null,
    reviewedAt: DateTime.now(),
  }))
  .state('proposed', (seller) => seller.merge({ status: 'proposed', reviewedAt: null }))
  .state('removed', (seller) => seller.merge({ status: 'removed', removalReason: '网店已关闭' }))
  .state('materials', (seller) => seller.merge({ kind: 'materials', industries: ['seed'], products: '水稻种子、复合肥' }))
  .build()
