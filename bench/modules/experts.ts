import { BOARD_STATES, MY_CASES_STATES, OPEN_FOR_EXPERT } from '../../app/modules/experts/public.js'
import type { ConsultationState } from '../../app/modules/experts/public.js'
import type { BenchPage } from '../pages.js'

/** A case still under way: before triage, in it, or in an expert's hands. */
const LIVE_STATES: readonly ConsultationState[] = ['submitted', 'awaiting_triage', ...OPEN_FOR_EXPERT]

/** The expert service's pages (see bench/page_list.ts for the fields). */
export const pages: BenchPage[] = [
  // 找专家 (experts/profiles): the whole directory, a filter combination each request
  // (htmx fragment), the deepest pages, free text through search(), and profile pages
  // of the experts with the most cases (their figures read the most rows).
  { name: '找专家', as: 'guest', path: '/experts' },
  {
    name: '找专家 filtered (htmx)',
    as: 'guest',
    htmx: true,
    path: (ctx) => {
      const industries = ['grain_oil', 'pig', 'tea', 'vegetable', 'fruit', 'herb', 'seed']
      const regions = ['', 'city=510100', 'county_code=510129', 'city=511600', 'county_code=513433']
      const levels = ['', 'level=county', 'level=city']
      const i = ctx.iteration
      return `/experts?${[`industry=${industries[i % 7]}`, regions[i % 5], levels[i % 3]].filter(Boolean).join('&')}`
    },
  },
  { name: '找专家 last pages', as: 'guest', path: (ctx) => `/experts?page=${1500 - (ctx.iteration % 20)}` },
  {
    name: '找专家 free text',
    as: 'guest',
    path: (ctx) => `/experts?q=${encodeURIComponent(['水稻 病虫害', '猕猴桃', '生猪 疫病', '茶叶 修剪', '高级农艺师'][ctx.iteration % 5])}`,
  },
  {
    name: 'expert profile',
    as: 'guest',
    path: async (ctx) =>
      `/experts/${(await ctx.pick(
        `SELECT expert_id AS id FROM experts_consultations WHERE expert_id IS NOT NULL GROUP BY expert_id ORDER BY count(*) DESC LIMIT 50`
      )).id}`,
  },
  // 报需求 and 我的需求 (experts/consultations): the busiest 信息员's own cases — the case page
  // (timeline, photos, conversation; 找类似 when still submitted), the conversation fragment
  // htmx polls every 15 s, 我的需求 first and last page — the form, 找类似 while typing
  // (the fragment), and the farmer's SMS link page of recent cases.
  { name: '报需求 form', as: 'info_officer', path: '/consultations/new' },
  {
    name: '找类似 while typing (htmx)',
    as: 'info_officer',
    htmx: true,
    // DESIGN §7: find-similar p95 ≤ 30 ms at 1 M.
    budget: 30,
    path: (ctx) =>
      `/consultations/similar?text=${encodeURIComponent(
        ['水稻叶子上有褐色梭形病斑', '猪不吃食发烧耳朵发紫', '茶树嫩叶发红卷曲有小虫', '柑橘叶片黄化', '辣椒苗叶片卷曲背面有白色小飞虫'][ctx.iteration % 5]
      )}`,
  },
  {
    name: 'case page (reporter)',
    as: 'info_officer',
    path: async (ctx) =>
      `/consultations/${(await ctx.pick('SELECT id FROM experts_consultations WHERE reporter_id = ? ORDER BY id DESC LIMIT 100', [ctx.user.id])).id}`,
  },
  {
    // A generated case carries photos about as often as a reported one (case_photos.ts).
    name: 'case page with photos (reporter)',
    as: 'info_officer',
    path: async (ctx) =>
      `/consultations/${(await ctx.pick(
        `SELECT c.id FROM experts_consultations c WHERE c.reporter_id = ?
           AND EXISTS (SELECT 1 FROM media m WHERE m.subject_type = 'consultation' AND m.subject_id = c.id)
         ORDER BY c.id DESC LIMIT 100`,
        [ctx.user.id]
      )).id}`,
  },
  {
    name: 'case photo thumbnail (reporter)',
    as: 'info_officer',
    path: async (ctx) =>
      `/media/${(await ctx.pick(
        `SELECT m.public_id FROM media m JOIN experts_consultations c ON c.id = m.subject_id
         WHERE m.subject_type = 'consultation' AND c.reporter_id = ? ORDER BY m.id DESC LIMIT 100`,
        [ctx.user.id]
      )).public_id}/thumb`,
  },
  {
    name: 'case conversation (htmx poll)',
    as: 'info_officer',
    htmx: true,
    path: async (ctx) =>
      `/consultations/${(await ctx.pick('SELECT id FROM experts_consultations WHERE reporter_id = ? ORDER BY id DESC LIMIT 100', [ctx.user.id])).id}/messages`,
  },
  { name: '我的需求', as: 'info_officer', path: '/consultations' },
  {
    name: '我的需求 last page',
    as: 'info_officer',
    path: async (ctx) =>
      `/consultations?page=${(await ctx.pick('SELECT greatest(1, ceil(count(*) / 20.0))::int AS last FROM experts_consultations WHERE reporter_id = ?', [ctx.user.id])).last}`,
  },
  {
    name: 'farmer link page',
    as: 'guest',
    path: async (ctx) => {
      const { caseLinkPath } = await import('../../app/modules/experts/shared/case_links.js')
      return caseLinkPath(Number((await ctx.pick('SELECT id FROM experts_consultations ORDER BY id DESC LIMIT 200')).id), 'farmer', 0)
    },
  },
  // Triage (experts/triage), against the live backlog (database/factories/plan_scale/backlog.ts):
  // the centre's 分诊台 of the county, city and province with the most cases on it (first page,
  // the htmx list, the province's last page), a case's assign page with the expert picker (a
  // waiting case, or one to hand to someone else), 我的案件 of the expert holding the most open
  // cases and their live cases' pages, the notices of that expert, and the SMS link page of
  // recently assigned cases.
  { name: '分诊台', as: 'center_staff', scope: 'county', busiestBy: BOARD_STATES, path: '/triage' },
  { name: '分诊台 (city admin)', as: 'center_admin', scope: 'city', busiestBy: BOARD_STATES, path: '/triage' },
  { name: '分诊台 (province staff)', as: 'center_staff', scope: 'province', busiestBy: BOARD_STATES, path: '/triage' },
  { name: '分诊台 list (htmx)', as: 'center_staff', scope: 'county', busiestBy: BOARD_STATES, htmx: true, path: '/triage' },
  {
    name: '分诊台 last page (province staff)',
    as: 'center_staff',
    scope: 'province',
    busiestBy: BOARD_STATES,
    path: async (ctx) =>
      `/triage?page=${(await ctx.pick(
        `SELECT greatest(1, ceil(count(*) / 20.0))::int AS last FROM experts_consultations WHERE state = ANY(?::text[]) AND county_code LIKE ?`,
        [[...BOARD_STATES], `${ctx.user.scope}%`]
      )).last}`,
  },
  {
    name: '分诊台 assign page',
    as: 'center_staff',
    scope: 'county',
    busiestBy: BOARD_STATES,
    // Every case on the board, most urgent first: waiting ones and ones held by an expert alternate.
    path: async (ctx) =>
      `/triage/${(await ctx.pick(
        `SELECT id FROM experts_consultations WHERE state = ANY(?::text[]) AND county_code LIKE ?
         ORDER BY CASE WHEN state = 'awaiting_triage' THEN triage_due_at WHEN first_response_at IS NULL THEN response_due_at ELSE 'infinity' END, id`,
        [[...BOARD_STATES], `${ctx.user.scope}%`]
      )).id}`,
  },
  {
    name: '分诊台 assign page (city admin)',
    as: 'center_admin',
    scope: 'city',
    busiestBy: BOARD_STATES,
    path: async (ctx) =>
      `/triage/${(await ctx.pick(
        `SELECT id FROM experts_consultations WHERE state = 'awaiting_triage' AND county_code LIKE ? ORDER BY triage_due_at, id LIMIT 50`,
        [`${ctx.user.scope}%`]
      )).id}`,
  },
  { name: '我的案件', as: 'expert', busiestBy: MY_CASES_STATES, path: '/expert/cases' },
  {
    name: '我的案件 case page',
    as: 'expert',
    busiestBy: MY_CASES_STATES,
    path: async (ctx) =>
      `/expert/cases/${(await ctx.pick('SELECT id FROM experts_consultations WHERE expert_id = ? AND state = ANY(?::text[]) ORDER BY id DESC', [
        ctx.user.expertId,
        [...OPEN_FOR_EXPERT],
      ])).id}`,
  },
  { name: 'notifications (expert)', as: 'expert', busiestBy: MY_CASES_STATES, path: '/notifications' },
  {
    name: 'live case page (reporter)',
    as: 'info_officer',
    busiestBy: LIVE_STATES,
    path: async (ctx) =>
      `/consultations/${(await ctx.pick('SELECT id FROM experts_consultations WHERE reporter_id = ? AND state = ANY(?::text[]) ORDER BY id DESC', [
        ctx.user.id,
        [...LIVE_STATES],
      ])).id}`,
  },
  {
    name: 'expert link page',
    as: 'guest',
    path: async (ctx) => {
      const { caseLinkPath } = await import('../../app/modules/experts/shared/case_links.js')
      const row = await ctx.pick(`SELECT id, expert_id FROM experts_consultations WHERE expert_id IS NOT NULL AND state IN ('assigned', 'answering') ORDER BY id DESC LIMIT 200`)
      return caseLinkPath(Number(row.id), 'expert', Number(row.expert_id))
    },
  },
  // 回访, statistics and exports (experts/followups): the queue and a case of the busiest county;
  // the statistics of a county, a city and the province over the default 30 days and a
  // city's year (htmx) — run `npm run bench:statistics` first: it brings the statistics
  // rows (experts_case_facts) up to date and measures the export speed.
  { name: '回访 queue', as: 'center_staff', scope: 'county', path: '/admin/experts/followups' },
  {
    name: '回访 case page',
    as: 'center_staff',
    scope: 'county',
    path: async (ctx) =>
      `/admin/experts/followups/${(await ctx.pick(
        `SELECT id FROM experts_consultations WHERE state = 'closed' AND county_code LIKE ? ORDER BY followup_due_at LIMIT 50`,
        [`${ctx.user.scope}%`]
      )).id}`,
  },
  { name: '服务统计 (county staff)', as: 'center_staff', scope: 'county', path: '/admin/experts/statistics' },
  { name: '服务统计 (city admin)', as: 'center_admin', scope: 'city', path: '/admin/experts/statistics' },
  { name: '服务统计 (province)', as: 'platform_admin', scope: 'province', path: '/admin/experts/statistics' },
  {
    name: '服务统计 city 1 year (htmx)',
    as: 'center_admin',
    scope: 'city',
    htmx: true,
    path: () => {
      const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 - offset * 86_400_000).toISOString().slice(0, 10)
      return `/admin/experts/statistics?from=${day(364)}&to=${day(0)}`
    },
  },
  { name: '导出 form', as: 'center_admin', scope: 'city', path: '/admin/experts/exports' },
  // 农技知识库 (experts/knowledge): 100 k entries from demo:generate's knowledge module.
  { name: '农技知识库 list (guest)', as: 'guest', path: '/knowledge' },
  { name: '农技知识库 by industry + season', as: 'guest', path: '/knowledge?industry=tea&season=spring' },
  { name: '农技知识库 search', as: 'guest', path: (ctx) => `/knowledge?q=${encodeURIComponent(['稻瘟病', '霜霉 黄瓜', '猪 腹泻', '茶饼病', '溃疡病'][ctx.iteration % 5])}` },
  {
    name: '农技知识库 entry',
    as: 'guest',
    path: async (ctx) => `/knowledge/${(await ctx.pick(`SELECT id FROM experts_knowledge_entries WHERE state = 'published' ORDER BY id DESC LIMIT 200`)).id}`,
  },
]
