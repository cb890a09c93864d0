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
]
