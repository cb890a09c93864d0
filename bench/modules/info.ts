import type { BenchPage } from '../pages.js'

/**
 * 产业信息's pages (see bench/page_list.ts for the fields): the public list, a filter
 * combination each request (htmx fragment), full-text search, a published record's page
 * (with its 相关信息), and the centre's pages of the busiest county staff — their own
 * records and the review queue — over the plan-scale data (50 k records,
 * database/factories/plan_scale/modules/info.ts). The watermarked PDF is measured too; it
 * is generated per download, so it has a budget of its own.
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
  {
    name: '产业信息 search',
    as: 'guest',
    path: (ctx) => {
      const words = ['柑橘', '生猪 龙头企业', '茶叶 品牌建设', '冷链物流', '粮油 成都', '中药材 良种繁育']
      return `/info?q=${encodeURIComponent(words[ctx.iteration % words.length])}`
    },
  },
  {
    name: '产业信息 record page',
    as: 'guest',
    path: async (ctx) => `/info/${(await ctx.pick("SELECT id FROM info_records WHERE status = 'published' ORDER BY id DESC LIMIT 500")).id}`,
  },
  {
    name: '产业信息 PDF download',
    as: 'farmer',
    budget: 400,
    path: async (ctx) => `/info/${(await ctx.pick("SELECT id FROM info_records WHERE status = 'published' ORDER BY id DESC LIMIT 500")).id}/pdf`,
  },
  { name: '我的产业信息', as: 'center_staff', scope: 'county', path: '/info/records' },
  { name: '产业信息审核签批', as: 'center_staff', scope: 'county', path: '/info/reviews' },
  { name: '产业信息审核签批 (province)', as: 'platform_admin', scope: 'province', path: '/info/reviews?step=sign_off' },
]
