import type { BenchPage } from '../pages.js'

/**
 * 供销对接's pages (see bench/page_list.ts for the fields) over the plan-scale data
 * (database/factories/plan_scale/modules/supply.ts: 20 k sellers, 20 k micro-shops, ~200 k
 * products): the public seller list and a filter combination each request (htmx fragment),
 * a selected seller's page, the centres' review queue of the busiest county staff, the
 * micro-shop list, product search (苞谷 finds 玉米 through the lexicon), a county's 应季产品,
 * a shop's and a product's page, and a farmer's 我的微商.
 */
export const pages: BenchPage[] = [
  { name: '供销对接', as: 'guest', path: '/supply' },
  {
    name: '供销对接 filtered (htmx)',
    as: 'guest',
    htmx: true,
    path: (ctx) => {
      const industries = ['fruit', 'seed', 'tea', 'vegetable', 'pig', 'equipment']
      const regions = ['', 'city=510100', 'county_code=510129', 'city=511600', 'county_code=513433']
      const kinds = ['', 'kind=products', 'kind=materials']
      const i = ctx.iteration
      return `/supply?${[`industry=${industries[i % 6]}`, regions[i % 5], kinds[i % 3]].filter(Boolean).join('&')}`
    },
  },
  {
    name: '供销对接 seller page',
    as: 'guest',
    path: async (ctx) => `/supply/sellers/${(await ctx.pick("SELECT id FROM supply_sellers WHERE status = 'selected' ORDER BY id DESC LIMIT 500")).id}`,
  },
  { name: '电商入选审核', as: 'center_staff', scope: 'county', path: '/admin/supply/sellers' },
  { name: '农户微商', as: 'guest', path: '/supply/shops' },
  {
    name: '农户微商 filtered (htmx)',
    as: 'guest',
    htmx: true,
    path: (ctx) => `/supply/shops?${[['', 'city=510100', 'county_code=510129'][ctx.iteration % 3], ['industry=fruit', 'industry=pig', ''][ctx.iteration % 3]].filter(Boolean).join('&')}`,
  },
  {
    name: '农户微商 product search',
    as: 'guest',
    path: (ctx) => `/supply/shops?q=${encodeURIComponent(['草莓', '猕猴桃', '土鸡蛋', '大邑 草莓', '腊肉', '苞谷', '蒲江 猕猴桃 现摘现发'][ctx.iteration % 7])}`,
  },
  {
    name: '应季产品 (htmx)',
    as: 'guest',
    htmx: true,
    path: (ctx) => `/supply/in-season?${[['county_code=510129', 'city=510100', '', 'county_code=513433'][ctx.iteration % 4], ['', 'industry=fruit'][ctx.iteration % 2]].filter(Boolean).join('&')}`,
  },
  {
    name: '农户微商 shop page',
    as: 'guest',
    path: async (ctx) => `/supply/shops/${(await ctx.pick('SELECT id FROM supply_micro_shops WHERE NOT held ORDER BY id DESC LIMIT 500')).id}`,
  },
  {
    name: '农户微商 product page',
    as: 'guest',
    path: async (ctx) => {
      const row = await ctx.pick('SELECT p.id, p.shop_id FROM supply_shop_products p JOIN supply_micro_shops s ON s.id = p.shop_id WHERE NOT p.held AND NOT s.held ORDER BY p.id DESC LIMIT 500')
      return `/supply/shops/${row.shop_id}/products/${row.id}`
    },
  },
  { name: '我的微商', as: 'farmer', path: '/supply/shops/mine' },
]
