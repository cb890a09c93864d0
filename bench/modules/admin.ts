import type { BenchPage } from '../pages.js'

/**
 * The management centre's pages (see bench/page_list.ts for the fields). 大数据展示 of a
 * city and the province: the first visit of a period computes from the expert
 * service's rollups, the next ones within ten minutes read the kept view.
 */
export const pages: BenchPage[] = [
  { name: '大数据展示 (city admin)', as: 'center_admin', scope: 'city', path: '/admin/dashboard' },
  { name: '大数据展示 (province)', as: 'platform_admin', scope: 'province', path: '/admin/dashboard' },
  {
    name: '大数据展示 province period (htmx)',
    as: 'platform_admin',
    scope: 'province',
    htmx: true,
    path: (ctx) => `/admin/dashboard?period=${['week', 'month', 'year'][ctx.iteration % 3]}`,
  },
  // 信息员覆盖 (officers): the province's roll-up and county map over 26 000 villages and 60 000
  // officers, a city's, a county's own page (its villages, gaps first), and the province
  // admin going down to the counties with the most villages (htmx).
  { name: '信息员覆盖 (province)', as: 'platform_admin', scope: 'province', path: '/admin/officers/coverage' },
  { name: '信息员覆盖 (city admin)', as: 'center_admin', scope: 'city', path: '/admin/officers/coverage' },
  { name: '信息员覆盖 (county staff)', as: 'center_staff', scope: 'county', path: '/admin/officers/coverage' },
  {
    name: '信息员覆盖 a county (htmx)',
    as: 'platform_admin',
    scope: 'province',
    htmx: true,
    path: async (ctx) =>
      `/admin/officers/coverage?region=${(await ctx.pick('SELECT county_code AS code FROM villages GROUP BY county_code ORDER BY count(*) DESC LIMIT 20')).code}`,
  },
]
