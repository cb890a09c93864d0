import type { BenchPage } from '../pages.js'

/**
 * 供销对接's pages (see bench/page_list.ts for the fields): the public seller list, a filter
 * combination each request (htmx fragment), and the centres' review queue of the busiest
 * county staff. demo:generate makes no sellers yet (issue 16's plan-scale data is still to
 * do), so these measure the empty-table cost until it does; a seller page joins the bench
 * with that data (it needs a selected seller to pick).
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
]
