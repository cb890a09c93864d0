import { BaseSeeder } from '@adonisjs/lucid/seeders'
import User from '#core/accounts/models/user'
import MicroShop from '#modules/supply/models/micro_shop'
import ShopProduct from '#modules/supply/models/shop_product'
import type { Season } from '#core/seasons'

/**
 * The demo farmer 王大田 (13900000001, 大邑县) has a micro-shop with a few products, one of
 * them sold out, in season at different times (one all year), so /supply/shops, 应季产品 and 我的微商 are alive in development. Products carry no
 * photos here (the demo has no photo files); add one from 我的微商. Idempotent.
 */
const PRODUCTS: { name: string; unit: string; priceFromFen: number; priceToFen: number | null; seasons: Season[]; stockNote: string; soldOut: boolean }[] = [
  { name: '大邑冬草莓', unit: '斤', priceFromFen: 1500, priceToFen: 2500, seasons: ['winter', 'spring'], stockNote: '12 月到次年 3 月，每天现摘约 100 斤', soldOut: false },
  { name: '高山雪梨', unit: '箱', priceFromFen: 6800, priceToFen: null, seasons: ['summer', 'autumn'], stockNote: '8–10 月上市，每箱 10 斤', soldOut: true },
  { name: '土鸡蛋', unit: '个', priceFromFen: 150, priceToFen: 200, seasons: [], stockNote: '', soldOut: false },
]

export default class extends BaseSeeder {
  async run() {
    const farmer = await User.findBy('phone', '13900000001')
    if (!farmer) return
    const shop = await MicroShop.updateOrCreate(
      { ownerId: farmer.id },
      {
        name: '王大田的果园',
        countyCode: '510129',
        industries: ['fruit'],
        intro: '大邑县安仁镇的家庭果园，自家种、自家摘。',
        wechatId: 'wangdatian_demo',
        phone: farmer.phone,
        shopUrl: 'https://shop.example.com/wangdatian',
        held: false,
      }
    )
    for (const product of PRODUCTS) {
      await ShopProduct.updateOrCreate({ shopId: shop.id, name: product.name }, { ...product, countyCode: shop.countyCode, held: false })
    }
  }
}
