import type { SmsTemplateDefinition } from '#core/sms/templates'

/** The expert-service loop's SMS (registered with core from start.ts; wording as approved at the provider). */
export const EXPERTS_SMS_TEMPLATES = {
  // 报需求: the farmer an 信息员 reported for follows the case through a signed link.
  consultation_farmer_link: {
    text: '信息员已为您提交农业技术需求（需求编号{id}），查看进展和专家答复：{link}',
    params: ['id', 'link'],
  },
  // A new message on a case after a quiet spell (in-site notices cover the rest).
  consultation_new_message: {
    text: '您的农业技术需求（需求编号{id}）有新消息，请点击查看：{link}',
    params: ['id', 'link'],
  },
  // Triage: an expert's new case, with the signed single-case link (≈ 60 characters with APP_URL).
  expert_new_case: {
    text: '您有一件新的农技案件，请在3小时内处理：{link}',
    params: ['link'],
  },
  // Visits: the expert sent to a farm, with the signed link to record the outcome.
  expert_visit_dispatched: {
    text: '运管中心请您于{date}上门服务，地点：{place}。查看详情并记录结果：{link}',
    params: ['date', 'place', 'link'],
  },
  expert_visit_rescheduled: {
    text: '您的上门服务已改为{date}，地点：{place}。详情：{link}',
    params: ['date', 'place', 'link'],
  },
  // Closing: an answered case silent for 7 days was closed by the system.
  consultation_auto_closed: {
    text: '您的农业技术需求（需求编号{id}）已有专家解答，7天没有新消息，系统已自动结案。如仍有问题，请重新提交。',
    params: ['id'],
  },
} as const satisfies Record<string, SmsTemplateDefinition>

declare module '#core/sms/templates' {
  interface SmsTemplates extends Record<keyof typeof EXPERTS_SMS_TEMPLATES, SmsTemplateDefinition> {}
}
