import { readFile } from 'node:fs/promises'
import { documentRow } from '#core/text/documents'
import { segmenter } from '#core/text/segmenter'
import { CopyWriter } from '#database/factories/plan_scale/copy'
import type { ModuleGenerationContext } from '#database/factories/plan_scale/module_generators'
import type { Random } from '#database/factories/plan_scale/random'
import { personName, villageName } from '#database/factories/plan_scale/vocabulary'
import { SELLER_SUBJECT } from '#modules/supply/sellers/seller_actions'
import { PRODUCT_SOURCE } from '#modules/supply/shops/product_index'
import { PRODUCT_SUBJECT } from '#modules/supply/shops/shop_actions'

/**
 * 供销对接 at plan scale (issue 16, Performance): with the default 5 000 farmers, 20 000
 * sellers (four in five selected, a few recommended for each season, the rest proposed or
 * removed) and 20 000 农户微商 with about 200 000 products and their search documents —
 * sizes follow --farmers, so a toy run stays small. Every generated farmer and market
 * entity opens a shop (so the bench's busiest farmer has one), and three times as many
 * shop owners get accounts of their own (phones 154…, the generated password). Most products have a
 * photo — media rows only (the bench reads pages, not files); held shops and products
 * (content safety) and sold-out products are there in the shares the review queue sees.
 */
/** Per generated farmer or market entity (5 000 by default): sellers, and shop owners with accounts of their own. */
const SELLERS_PER_FARMER = 4
const EXTRA_OWNERS_PER_FARMER = 3
const OWNER_PHONE_PREFIX = '154'
const DAY = 86_400_000

type Product = { name: string; unit: string; yuan: [number, number]; seasons: string[] }
const P = (name: string, unit: string, low: number, high: number, seasons = ''): Product => ({
  name,
  unit,
  yuan: [low, high],
  seasons: seasons ? seasons.split(',') : [],
})
/** What a farm of each 10+3 industry sells, with its unit, price range (元) and seasons (none: all year). */
const PRODUCTS: Record<string, Product[]> = {
  grain_oil: [P('大米', '斤', 3, 8), P('菜籽油', '斤', 10, 20), P('玉米', '斤', 1, 3, 'autumn'), P('糯米', '斤', 4, 9), P('黑米', '斤', 8, 15), P('土鸡蛋', '个', 1, 2)],
  pig: [P('腊肉', '斤', 35, 60, 'winter'), P('香肠', '斤', 35, 55, 'winter'), P('土猪肉', '斤', 18, 30), P('仔猪', '头', 500, 900)],
  tea: [P('明前绿茶', '斤', 200, 800, 'spring'), P('红茶', '斤', 120, 400), P('藏茶', '斤', 80, 300), P('毛峰', '斤', 150, 500, 'spring')],
  vegetable: [P('辣椒', '斤', 2, 6, 'summer,autumn'), P('番茄', '斤', 2, 5, 'summer'), P('黄瓜', '斤', 1, 4, 'summer'), P('榨菜', '斤', 1, 3, 'winter,spring'), P('生姜', '斤', 4, 9, 'autumn'), P('莴笋', '斤', 1, 3, 'winter,spring'), P('大白菜', '斤', 1, 2, 'winter')],
  liquor: [P('糯高粱', '斤', 2, 4, 'autumn'), P('高粱酒', '斤', 30, 120), P('酒糟', '斤', 1, 2)],
  bamboo: [P('竹笋', '斤', 4, 12, 'spring'), P('笋干', '斤', 30, 70), P('竹荪', '斤', 150, 400)],
  fruit: [P('草莓', '斤', 10, 30, 'winter,spring'), P('猕猴桃', '斤', 5, 15, 'autumn'), P('柑橘', '斤', 2, 6, 'winter'), P('耙耙柑', '斤', 5, 12, 'winter,spring'), P('柠檬', '斤', 3, 8), P('芒果', '斤', 6, 15, 'summer'), P('枇杷', '斤', 8, 20, 'spring'), P('葡萄', '斤', 6, 15, 'summer'), P('水蜜桃', '斤', 5, 12, 'summer'), P('翠冠梨', '斤', 4, 10, 'summer')],
  herb: [P('川芎', '斤', 15, 35), P('天麻', '斤', 60, 200, 'winter'), P('附子', '斤', 20, 50), P('川贝母', '克', 5, 15)],
  cattle_sheep: [P('牦牛肉', '斤', 60, 90), P('黄牛肉', '斤', 45, 70), P('山羊肉', '斤', 45, 70, 'winter'), P('土鸡', '只', 80, 160)],
  fish: [P('稻田鱼', '斤', 15, 30, 'autumn'), P('小龙虾', '斤', 20, 45, 'summer'), P('鲟鱼', '斤', 25, 60), P('草鱼', '斤', 8, 15)],
  seed: [P('杂交水稻种子', '斤', 30, 80, 'spring'), P('玉米种子', '斤', 20, 50, 'spring'), P('脱毒种薯', '斤', 2, 5, 'winter,spring'), P('蔬菜种苗', '株', 1, 1)],
  equipment: [P('微耕机', '台', 1800, 4000), P('植保无人机作业', '亩', 8, 15, 'summer'), P('旋耕作业', '亩', 60, 120, 'spring,autumn')],
  drying_cold_chain: [P('干辣椒', '斤', 10, 25), P('花椒', '斤', 40, 90, 'summer'), P('猕猴桃干', '斤', 25, 45), P('芒果干', '斤', 25, 45)],
}
const INDUSTRIES = Object.keys(PRODUCTS)
const STOCK_NOTES = ['', '', '现摘现发', '量大可议', '每周二、五发货', '可上门自提', '预订中', '库存充足', '当天采摘']
const SHOP_WORDS = ['家庭农场', '农家小店', '种养殖专业合作社', '生态园', '土特产店']
const INTROS = ['自家种的，不打膨大剂，欢迎乡亲们来买。', '合作社统一标准种植，可开发票。', '家庭农场直供，产地发货。', '欢迎加微信看实拍视频。']

/** 农资 a seller of production materials deals in, by industry. */
const MATERIALS: Record<string, string[]> = {
  grain_oil: ['水稻种子', '复合肥', '除草剂'],
  pig: ['猪饲料', '兽药', '消毒剂'],
  tea: ['茶树有机肥', '采茶机', '粘虫色板'],
  vegetable: ['蔬菜种子', '地膜', '生物菌剂'],
  liquor: ['高粱种子', '复合肥'],
  bamboo: ['竹林专用肥', '覆盖稻壳'],
  fruit: ['果树专用肥', '果袋', '杀菌剂', '防虫网'],
  herb: ['中药材种苗', '有机肥'],
  cattle_sheep: ['牛羊饲料', '青贮饲料', '兽药'],
  fish: ['水产饲料', '增氧机', '渔药'],
  seed: ['杂交水稻种子', '玉米种子', '脱毒种薯'],
  equipment: ['微耕机', '植保无人机', '收割机', '烘干机'],
  drying_cold_chain: ['热泵烘干机', '冷库保温板', '保鲜袋'],
}
const SELLER_WORDS = { products: ['农特产品旗舰店', '生态农业电商', '土特产专营店', '优选农产品店'], materials: ['农资旗舰店', '农资连锁', '农业服务中心', '农机专营店'] }
const PLATFORMS = ['https://shop{n}.taobao.com/', 'https://mall.jd.com/index-{n}.html', 'https://pinduoduo.com/mall/{n}', 'https://v.douyin.com/shop{n}/']

export async function generate({ connect, random, counties, until, passwordHash, log }: ModuleGenerationContext): Promise<number> {
  const client = await connect()
  const seasonWords = await seasonWordsOf()
  await client.query(`DELETE FROM text_documents WHERE source_type = $1`, [PRODUCT_SOURCE])
  await client.query(`DELETE FROM media WHERE subject_type = ANY($1::text[])`, [[PRODUCT_SUBJECT, SELLER_SUBJECT]])
  await client.query('TRUNCATE supply_shop_products, supply_micro_shops, supply_sellers RESTART IDENTITY CASCADE')
  // The shop owners a run before added (nothing else of theirs exists: FK triggers are off here).
  await client.query(`DELETE FROM role_grants WHERE user_id IN (SELECT id FROM users WHERE phone LIKE $1)`, [`${OWNER_PHONE_PREFIX}%`])
  await client.query(`DELETE FROM users WHERE phone LIKE $1`, [`${OWNER_PHONE_PREFIX}%`])

  const end = until.getTime()
  const industryNames = new Map<string, string>((await client.query('SELECT code, name FROM industries')).rows.map((row) => [row.code, row.name]))
  const countyByCode = new Map(counties.map((county) => [county.code, county]))
  const staffRows: { user_id: string; scope: string }[] = (await client.query(`SELECT user_id, scope FROM role_grants WHERE role = 'center_staff' AND length(scope) = 6`)).rows
  const staffOf = new Map(staffRows.map((row) => [row.scope, Number(row.user_id)]))
  const proposers: number[] = (await client.query(`SELECT user_id FROM role_grants WHERE role IN ('farmer', 'market_entity') ORDER BY user_id LIMIT 5000`)).rows.map((row) => Number(row.user_id))
  const owners: { id: number; county: string; role: string }[] = (
    await client.query(`SELECT u.id, u.county_code, g.role FROM role_grants g JOIN users u ON u.id = g.user_id WHERE g.role IN ('farmer', 'market_entity') ORDER BY u.id`)
  ).rows.map((row) => ({ id: Number(row.id), county: row.county_code, role: row.role }))
  if (!owners.length) throw new Error('supply: no generated farmers or market entities (run the core phase first)')
  const sellerCount = owners.length * SELLERS_PER_FARMER
  const extraOwners = owners.length * EXTRA_OWNERS_PER_FARMER

  const clients = await Promise.all(Array.from({ length: 7 }, () => connect()))
  const users = new CopyWriter(clients[0], 'users', ['id', 'phone', 'password', 'name', 'county_code', 'village', 'created_at', 'updated_at'])
  const grants = new CopyWriter(clients[1], 'role_grants', ['id', 'user_id', 'role', 'scope', 'created_at'])
  const sellers = new CopyWriter(clients[2], 'supply_sellers', [
    'id', 'proposed_by_id', 'name', 'kind', 'county_code', 'industries', 'products', 'shop_urls', 'wechat_id', 'phone', 'licence_number',
    'status', 'flagged', 'removal_reason', 'reviewed_by_id', 'reviewed_at', 'recommended_season', 'created_at', 'updated_at',
  ])
  const shops = new CopyWriter(clients[3], 'supply_micro_shops', ['id', 'owner_id', 'name', 'county_code', 'industries', 'intro', 'wechat_id', 'phone', 'shop_url', 'held', 'created_at', 'updated_at'])
  const products = new CopyWriter(clients[4], 'supply_shop_products', [
    'id', 'shop_id', 'name', 'unit', 'price_from_fen', 'price_to_fen', 'seasons', 'county_code', 'stock_note', 'sold_out', 'held', 'created_at', 'updated_at',
  ])
  const media = new CopyWriter(clients[5], 'media', [
    'public_id', 'owner_id', 'kind', 'visibility', 'county_code', 'subject_type', 'subject_id', 'content_type', 'storage_key', 'size', 'thumb_key', 'thumb_size', 'width', 'height', 'created_at',
  ])
  const documentColumns = ['source_type', 'source_id', 'industry_code', 'county_code', 'text', 'answer', 'solved', 'public', 'rating', 'text_tokens', 'answer_tokens', 'normalized_text', 'tags', 'created_at', 'updated_at'] as const
  const documents = new CopyWriter(clients[6], 'text_documents', [...documentColumns])
  const drainAll = () => Promise.all([users, grants, sellers, shops, products, media, documents].map((writer) => writer.drain()))
  const photo = (owner: number, county: string, subjectType: string, subjectId: number, visible: boolean, at: Date) => {
    const key = `media/generated/${subjectType}/${subjectId}`
    media.add([publicId(random), owner, 'photo', visible ? 'public' : 'private', county, subjectType, subjectId, 'image/webp', `${key}.webp`, 180_000, `${key}-thumb.webp`, 18_000, 1280, 960, at])
  }
  const past = (days: number) => new Date(end - random.int(0, days) * DAY - random.int(0, DAY))

  // Sellers.
  const seasons = ['spring', 'summer', 'autumn', 'winter']
  for (let id = 1; id <= sellerCount; id++) {
    const county = random.pick(counties)
    const kind = random.chance(0.55) ? 'products' : 'materials'
    const industry = random.pick(INDUSTRIES)
    const codes = random.chance(0.25) ? [...new Set([industry, random.pick(INDUSTRIES)])] : [industry]
    const goods = kind === 'products' ? PRODUCTS[industry].map((product) => product.name) : MATERIALS[industry]
    const roll = random.next()
    const status = roll < 0.8 ? 'selected' : roll < 0.92 ? 'proposed' : 'removed'
    const created = past(900)
    const reviewed = status === 'proposed' ? null : new Date(created.getTime() + random.int(1, 10) * DAY)
    const platform = random.pick(PLATFORMS).replace('{n}', String(100_000 + id))
    sellers.add([
      id, random.pick(proposers), `${county.name}${random.pick(goods)}${random.pick(SELLER_WORDS[kind])}`.slice(0, 60), kind, county.code, `{${codes.join(',')}}`,
      `主营${[...new Set([random.pick(goods), random.pick(goods), random.pick(goods)])].join('、')}，产地直供，支持批发零售。`,
      `{${platform}}`, random.chance(0.6) ? `sc_${county.code}_${id}` : null, random.chance(0.7) ? mobile(random) : null, `92${county.code}MA${String(id).padStart(8, '0')}`,
      status, random.chance(0.03), status === 'removed' ? '经营资质过期' : null, reviewed ? (staffOf.get(county.code) ?? null) : null, reviewed,
      status === 'selected' && random.chance(0.04) ? random.pick(seasons) : null, created, reviewed ?? created,
    ])
    if (random.chance(0.5)) photo(random.pick(proposers), county.code, SELLER_SUBJECT, id, status === 'selected', created)
    if (id % 2000 === 0) await drainAll()
  }

  // The extra shop owners' accounts.
  const nextId = async (table: string) => Number((await client.query(`SELECT coalesce(max(id), 0)::bigint AS id FROM ${table}`)).rows[0].id) + 1
  const [firstUser, firstGrant] = [await nextId('users'), await nextId('role_grants')]
  for (let index = 0; index < extraOwners; index++) {
    const id = firstUser + index
    const county = random.pick(counties)
    const role = random.chance(0.7) ? 'farmer' : 'market_entity'
    const created = past(1500)
    users.add([id, `${OWNER_PHONE_PREFIX}${String(index).padStart(8, '0')}`, passwordHash, personName(random), county.code, villageName(random), created, created])
    grants.add([firstGrant + index, id, role, null, created])
    owners.push({ id, county: county.code, role })
    if (index % 2000 === 0) await drainAll()
  }

  // One shop per owner, its products, their photos and search documents.
  const cut = segmenter()
  let productId = 0
  for (const [index, owner] of owners.entries()) {
    const shopId = index + 1
    const county = countyByCode.get(owner.county) ?? random.pick(counties)
    const industry = random.pick(INDUSTRIES)
    const codes = random.chance(0.2) ? [...new Set([industry, random.pick(INDUSTRIES)])] : [industry]
    const shopHeld = random.chance(0.02)
    const created = past(1200)
    const name = `${villageName(random).replace(/村$/, '')}${personName(random).slice(0, 1)}家${random.pick(SHOP_WORDS)}`.slice(0, 40)
    shops.add([
      shopId, owner.id, name, county.code, `{${codes.join(',')}}`, random.pick(INTROS), random.chance(0.7) ? `wx_${owner.id}` : null, mobile(random),
      random.chance(0.3) ? random.pick(PLATFORMS).replace('{n}', String(500_000 + shopId)) : null, shopHeld, created, created,
    ])
    const place = `${county.cityName} ${county.name}`
    const industryName = industryNames.get(industry) ?? ''
    for (let n = random.int(1, 19); n > 0; n--) {
      const id = ++productId
      const product = random.pick(PRODUCTS[industry])
      const held = random.chance(0.03)
      const soldOut = random.chance(0.15)
      const fromFen = random.int(product.yuan[0] * 100, product.yuan[1] * 100)
      const toFen = random.chance(0.5) ? fromFen + random.int(1, 10) * 100 : null
      const stockNote = random.pick(STOCK_NOTES)
      const at = new Date(created.getTime() + random.int(0, Math.max(1, Math.floor((end - created.getTime()) / DAY))) * DAY)
      products.add([id, shopId, product.name, product.unit, fromFen, toFen, `{${product.seasons.join(',')}}`, county.code, stockNote, soldOut, held, at, at])
      const visible = !held && !shopHeld
      if (random.chance(0.8)) photo(owner.id, county.code, PRODUCT_SUBJECT, id, visible, at)
      const words = product.seasons.length ? product.seasons.map((season) => seasonWords[season]).join(' ') : seasonWords.all_year
      const document = documentRow(
        {
          sourceType: PRODUCT_SOURCE,
          sourceId: String(id),
          industry,
          county: county.code,
          text: [product.name, words, stockNote, name, place, industryName].filter(Boolean).join('\n'),
          public: visible,
          createdAt: at,
        },
        cut
      )
      documents.add(documentColumns.map((column) => document[column]))
    }
    if (shopId % 500 === 0) await drainAll()
    if (shopId % 5000 === 0) log(`  ${shopId} shops, ${productId} products`)
  }
  await Promise.all([users, grants, sellers, shops, products, media, documents].map((writer) => writer.end()))
  for (const [table, max] of [['supply_sellers', sellerCount], ['supply_micro_shops', owners.length], ['supply_shop_products', productId]] as const) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2::bigint)`, [table, max])
  }
  await client.query(`SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))`)
  await client.query(`SELECT setval(pg_get_serial_sequence('role_grants', 'id'), (SELECT max(id) FROM role_grants))`)
  // The module's tables vacuumed too: the seller list's capped count is an index-only scan, which needs the visibility map.
  await client.query('VACUUM (ANALYZE) supply_sellers, supply_micro_shops, supply_shop_products')
  await client.query('ANALYZE users, role_grants, media, text_documents')
  return sellerCount + owners.length + productId
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'.split('')
/** A media row's public id from the seeded source (the same seed, the same data). */
function publicId(random: Random) {
  return Array.from({ length: 22 }, () => random.pick(ID_CHARS)).join('')
}

function mobile(random: Random) {
  return `1${random.pick(['39', '58', '80', '36', '77'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`
}

/** The seasons in the words the app's search documents use (seasonWords in the module, from its zh-CN messages). */
async function seasonWordsOf(): Promise<Record<string, string>> {
  const messages = JSON.parse(await readFile(new URL('../../../../resources/lang/zh-CN/supply.json', import.meta.url), 'utf8'))
  return { ...messages.seasons, all_year: messages.shops.products.all_year }
}
