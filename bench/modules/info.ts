import type { BenchPage } from '../pages.js'

/**
 * 产业信息's pages (see bench/page_list.ts for the fields): the public list, a filter
 * combination each request (htmx fragment), and the centre's pages of the busiest county
 * staff — their own records and the review queue. demo:generate makes no industry records
 * yet (issue 15's 50 k records are still to do), so these measure the empty-table cost
 * until it does; the record page joins the bench with that data (it needs a published
 * record to pick).
 */
export const pages: BenchPage[] = [
  { name: '产业信息', as: 'guest', path: '/info' },
  {
    name: '产业信息 filtered (htmx)',
    as: 'guest',
    htmx: true,
    path: (ctx) => {
      const industries = ['grain_oil', 'pig', 'tea', 'vegetable', 'fruit', 'herb']
      const regions = ['', 'city=510100', 'county_code=510129', 'city=511600', 'county_code=513433']
      const kinds = ['', 'kind=status', 'kind=leading_enterprise', 'kind=support_unit', 'kind=trend']
      const i = ctx.iteration
      return `/info?${[`industry=${industries[i % 6]}`, regions[i % 5], kinds[(i >> 1) % 5]].filter(Boolean).join('&')}`
    },
  },
  { name: '我的产业信息', as: 'center_staff', scope: 'county', path: '/info/records' },
  { name: '产业信息审核签批', as: 'center_staff', scope: 'county', path: '/info/reviews' },
  { name: '产业信息审核签批 (province)', as: 'platform_admin', scope: 'province', path: '/info/reviews?step=sign_off' },
]
