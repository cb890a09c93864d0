import type { BenchPage } from '../pages.js'

/**
 * 供销对接's pages (see bench/page_list.ts for the fields): the public seller list, a filter
 * combination each request (htmx fragment), the centres' review queue of the busiest county
 * staff, the micro-shop list and a farmer's 我的微商. demo:generate makes no sellers yet (issue 16's plan-scale data is still to
 * do), so these measure the empty-table cost until it does; seller and shop pages join the
 * bench with that data (they need a selected seller or a shop to pick).
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
  { name: '电商入选审核', as: 'center_staff', scope: 'county', path: '/admin/supply/sellers' },
  {
    name: '农户微商 filtered (htmx)',
    as: 'guest',
    htmx: true,
    path: (ctx) => `/supply/shops?${[['', 'city=510100', 'county_code=510129'][ctx.iteration % 3], ['industry=fruit', 'industry=pig', ''][ctx.iteration % 3]].filter(Boolean).join('&')}`,
  },
  {
    name: '农户微商 product search',
    as: 'guest',
    path: (ctx) => `/supply/shops?q=${encodeURIComponent(['草莓', '猕猴桃', '土鸡蛋', '大邑 草莓', '腊肉'][ctx.iteration % 5])}`,
  },
  { name: '我的微商', as: 'farmer', path: '/supply/shops/mine' },
]
