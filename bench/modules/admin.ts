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

// 用户管理 (users): a city admin's first page (newest people of 5101), a search by name and by
// phone prefix over the province, and a person's page (roles, passkeys, sessions).
pages.push(
  { name: '用户管理 (city admin)', as: 'center_admin', scope: 'city', path: '/admin/users' },
  { name: '用户管理 name search (province htmx)', as: 'platform_admin', scope: 'province', htmx: true, path: (ctx) => `/admin/users?q=${encodeURIComponent(['王', '李建', '张秀'][ctx.iteration % 3])}` },
  { name: '用户管理 phone prefix (province)', as: 'platform_admin', scope: 'province', path: (ctx) => `/admin/users?q=139${ctx.iteration % 10}` },
  {
    name: '用户管理 a person (city admin)',
    as: 'center_admin',
    scope: 'city',
    path: async (ctx) => `/admin/users/${(await ctx.pick('SELECT id FROM users WHERE county_code LIKE ? ORDER BY id DESC LIMIT 50', [`${ctx.user.scope}%`])).id}`,
  }
)

// 运管中心 (centres): the lists of a city and of the province (205 centres), a county centre's page
// (六有, staff from the role grants, 30 days of figures), one item of it; 考核 (evaluations): a city's
// ranking of its county centres and another month (htmx); 通报 on the public site.
pages.push(
  { name: '运管中心 list (city admin)', as: 'center_admin', scope: 'city', path: '/admin/centres' },
  { name: '运管中心 list page 5 (province)', as: 'platform_admin', scope: 'province', path: '/admin/centres?page=5' },
  {
    name: '运管中心 a county centre (county staff)',
    as: 'center_staff',
    scope: 'county',
    path: async (ctx) => `/admin/centres/${(await ctx.pick('SELECT id FROM admin_operation_centers WHERE region_code = ?', [ctx.user.countyCode])).id}`,
  },
  {
    name: '运管中心 六有 item (city admin)',
    as: 'center_admin',
    scope: 'city',
    path: async (ctx) =>
      `/admin/centres/${(await ctx.pick("SELECT id FROM admin_operation_centers WHERE level = 'county' AND region_code LIKE ? ORDER BY id", [`${ctx.user.scope}%`])).id}/items/premises`,
  },
  { name: '考核 ranking (city admin)', as: 'center_admin', scope: 'city', path: '/admin/evaluations' },
  {
    name: '考核 ranking another month (htmx)',
    as: 'platform_admin',
    scope: 'province',
    htmx: true,
    path: async (ctx) => `/admin/evaluations?city=510100&period=${(await ctx.pick('SELECT DISTINCT period FROM admin_center_scores')).period}`,
  },
  { name: '通报 list (guest)', as: 'guest', path: '/notices' },
  { name: '疫情预警 list (county staff)', as: 'center_staff', scope: 'county', path: '/admin/outbreaks' },
  { name: '疫情预警 list (province)', as: 'platform_admin', scope: 'province', path: '/admin/outbreaks' },
  { name: '通报 a notice (guest)', as: 'guest', path: async (ctx) => `/notices/${(await ctx.pick('SELECT id FROM admin_notices')).id}` }
)

// 绩效 and 补贴 (performance, subsidies): a county's people of the year and the province's 信息员 page 3
// (htmx), a city's lists, the year's rules. With no computed year they are the empty states;
// bench/admin_subsidies.ts computes the year and approves every county's list.
pages.push(
  { name: '绩效 (county staff)', as: 'center_staff', scope: 'county', path: '/admin/performance' },
  { name: '绩效 信息员 page 3 (province htmx)', as: 'platform_admin', scope: 'province', htmx: true, path: '/admin/performance?role=info_officer&page=3' },
  { name: '补贴名单 (city admin)', as: 'center_admin', scope: 'city', path: '/admin/subsidies' },
  { name: '补贴规则 (province)', as: 'platform_admin', scope: 'province', path: '/admin/subsidies/rules' }
)
