import { BaseSeeder } from '@adonisjs/lucid/seeders'
import OperationCenter from '#modules/admin/models/operation_center'
import { levelOf } from '#modules/admin/centres/center_rights'

/**
 * 运管中心 of the demo regions, so that 管理 → 运管中心与六有 is alive in development: the
 * province's, 成都's (钱主任, 13900000006, reviews its counties), 大邑县's (赵分诊,
 * 13900000005, fills its 六有) and 锦江区's. Their checklists start empty: filling one is a
 * step of the README's walk-through. Idempotent (one centre per region).
 */
const DEMO_CENTRES = [
  { regionCode: '510000', name: '四川省农业科技服务运管中心', address: '成都市武侯区人民南路四段' },
  { regionCode: '510100', name: '成都市运管中心', address: '成都市高新区天府大道北段' },
  { regionCode: '510129', name: '大邑县运管中心', address: '大邑县晋原街道富民路' },
  { regionCode: '510104', name: '锦江区运管中心', address: '锦江区东大街下东大街段' },
]

export default class AdminCentresSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    for (const centre of DEMO_CENTRES) {
      await OperationCenter.firstOrCreate({ regionCode: centre.regionCode, villageCode: null }, { ...centre, villageCode: null, level: levelOf(centre.regionCode, null) })
    }
  }
}
