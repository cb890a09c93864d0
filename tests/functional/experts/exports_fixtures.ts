import { COLUMNS } from '#modules/experts/exports/records'

export const HEADER =
  '需求编号,提交时间,市（州）,县（市、区）,产业,状态,报告人,报告人手机号,农户,农户手机号,专家,分派时间,首次响应时间,解答时间,关闭时间,自动关闭,评分,评价,回访时间,服务有效,服务类别,问题描述'

/** The Chinese labels the controller passes, for calling the export directly. */
export function labels() {
  return {
    columns: Object.fromEntries(COLUMNS.map((column, index) => [column, HEADER.split(',')[index]])) as any,
    states: { closed: '已关闭', followed_up: '已回访' } as Record<string, string>,
    categories: { diagnosis: '病虫害诊断' } as Record<string, string>,
    yes: '是',
    no: '否',
    sheet: '服务记录',
  }
}
