import type { BenchPage } from '../pages.js'

/**
 * 成果转化's pages on the plan-scale data of database/factories/plan_scale/modules/achievements.ts
 * (100 k demands and offers, 20 k bounties, 2 k platforms, 5 k lectures): the lists with a
 * filter each request, a demand's page with its matches (the text engine over 50 k offers),
 * the bounty board and a bounty, the county map and a county's list, 我的成果转化, and
 * 特派员讲堂 (by industry, searched, a lecture's page), 服务之星 and the centre's 需求草稿.
 */
const INDUSTRIES = ['fruit', 'grain_oil', 'tea', 'pig', 'vegetable', 'herb']
const REGIONS = ['', 'city=510100', 'county_code=510129', 'city=511600', 'county_code=513433']

export const pages: BenchPage[] = [
  { name: '成果转化', as: 'guest', path: '/achievements' },
  {
    name: '技术需求 filtered (htmx)',
    as: 'guest',
    htmx: true,
    path: (ctx) => `/achievements/demands?${[`industry=${INDUSTRIES[ctx.iteration % 6]}`, REGIONS[ctx.iteration % 5], ['', 'kind=technology', 'kind=service'][ctx.iteration % 3]].filter(Boolean).join('&')}`,
  },
  { name: '科技成果 page 50', as: 'guest', path: '/achievements/offers?page=50' },
  {
    name: '技术需求 with matches',
    as: 'guest',
    path: async (ctx) => `/achievements/demands/${(await ctx.pick(`SELECT id FROM achievements_tech_demands WHERE status = 'published' ORDER BY id DESC LIMIT 200`)).id}`,
  },
  {
    name: '科技成果 with matches',
    as: 'guest',
    path: async (ctx) => `/achievements/offers/${(await ctx.pick(`SELECT id FROM achievements_tech_offers WHERE status = 'published' ORDER BY id DESC LIMIT 200`)).id}`,
  },
  { name: '你发榜我抢单', as: 'guest', path: (ctx) => `/achievements/bounties?${REGIONS[ctx.iteration % 5]}` },
  {
    name: 'bounty page',
    as: 'guest',
    path: async (ctx) => `/achievements/bounties/${(await ctx.pick(`SELECT id FROM achievements_bounties WHERE status = 'open' AND NOT held ORDER BY id DESC LIMIT 200`)).id}`,
  },
  { name: '双创平台 map', as: 'guest', path: '/achievements/platforms/map' },
  { name: '双创平台 county list', as: 'guest', path: (ctx) => `/achievements/platforms/counties/${['510129', '510104', '511623', '513433', '511803'][ctx.iteration % 5]}` },
  { name: '我的成果转化', as: 'market_entity', path: '/achievements/mine' },
  { name: '特派员讲堂 by industry (htmx)', as: 'guest', htmx: true, path: (ctx) => `/achievements/lectures?industry=${INDUSTRIES[ctx.iteration % 6]}&page=${1 + (ctx.iteration % 3)}` },
  { name: '特派员讲堂 search', as: 'guest', path: (ctx) => `/achievements/lectures?q=${encodeURIComponent(['猕猴桃', '绿色防控 柑橘', '生猪 饲喂', '茶园', '烘干'][ctx.iteration % 5])}` },
  {
    name: 'lecture page',
    as: 'guest',
    path: async (ctx) => `/achievements/lectures/${(await ctx.pick('SELECT id FROM achievements_lectures ORDER BY id DESC LIMIT 200')).id}`,
  },
  { name: '需求草稿', as: 'center_staff', scope: 'county', path: '/admin/achievements/drafts' },
  { name: '服务之星', as: 'guest', path: (ctx) => `/achievements/stars?city=${['510100', '510700', '511600', '513400', '511800'][ctx.iteration % 5]}` },
]
