import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import User from '#core/accounts/models/user'
import Seller from '#modules/supply/models/seller'

type DemoSeller = Pick<Seller, 'name' | 'kind' | 'countyCode' | 'industries' | 'products' | 'shopUrls' | 'wechatId' | 'phone' | 'status'>

/**
 * Sellers so that /supply is alive in development: selected ones of 农产品 and 农资 in 成都
 * and 广安, and one proposal in 大邑县 waiting for the demo centre staff 赵分诊 (510129),
 * proposed by the demo farmer 王大田. Shop links point to example domains: the demo names
 * no real shop. Idempotent (by name and county).
 */
const DEMO_SELLERS: DemoSeller[] = [
  {
    name: '蒲江猕猴桃合作社网店', kind: 'products', countyCode: '510131', industries: ['fruit'], products: '红心猕猴桃、丑柑、耙耙柑，产地直发',
    shopUrls: ['https://shop.example.com/pujiang-kiwi'], wechatId: 'pujiang_kiwi', phone: '13900000041', status: 'selected',
  },
  {
    name: '大邑县农资服务站', kind: 'materials', countyCode: '510129', industries: ['seed', 'grain_oil'], products: '水稻、油菜良种，配方肥，植保药械',
    shopUrls: ['https://mall.example.cn/dayi-nongzi'], wechatId: 'dayi_nongzi', phone: '028-88321234', status: 'selected',
  },
  {
    name: '崇州生态猪肉', kind: 'products', countyCode: '510184', industries: ['pig'], products: '生态猪肉、腊肉香肠（冬季）',
    shopUrls: [], wechatId: 'chongzhou_pork', phone: '13900000042', status: 'selected',
  },
  {
    name: '邻水脐橙直供', kind: 'products', countyCode: '511623', industries: ['fruit'], products: '邻水脐橙、柚子',
    shopUrls: ['https://shop.example.com/linshui-orange'], wechatId: null, phone: '13900000043', status: 'selected',
  },
  {
    name: '成都小型农机专卖', kind: 'materials', countyCode: '510104', industries: ['equipment'], products: '微耕机、植保无人机、烘干设备配件',
    shopUrls: ['https://mall.example.cn/chengdu-nongji'], wechatId: 'cd_nongji', phone: null, status: 'selected',
  },
  {
    name: '大邑蔬菜种苗店', kind: 'materials', countyCode: '510129', industries: ['vegetable', 'seed'], products: '辣椒、番茄、黄瓜种苗',
    shopUrls: [], wechatId: 'dayi_zhongmiao', phone: '13900000044', status: 'proposed',
  },
]

export default class extends BaseSeeder {
  async run() {
    const farmer = await User.findBy('phone', '13900000001')
    for (const seller of DEMO_SELLERS) {
      await Seller.updateOrCreate(
        { name: seller.name, countyCode: seller.countyCode },
        { ...seller, proposedById: farmer?.id ?? null, flagged: false, reviewedAt: seller.status === 'selected' ? DateTime.now() : null }
      )
    }
  }
}
