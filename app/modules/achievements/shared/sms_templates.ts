import type { SmsTemplateDefinition } from '#core/sms/templates'

/** 成果转化's SMS (registered with core from start.ts). */
export const ACHIEVEMENTS_SMS_TEMPLATES = {
  // The daily digest of new demand–offer matches (at most one a day; 我的成果转化 turns it off).
  achievements_match_digest: {
    text: '成果转化平台为您找到{count}条新的需求/成果匹配，查看：{link}（不想收到短信可在页面关闭）',
    params: ['count', 'link'],
  },
} as const satisfies Record<string, SmsTemplateDefinition>

declare module '#core/sms/templates' {
  interface SmsTemplates extends Record<keyof typeof ACHIEVEMENTS_SMS_TEMPLATES, SmsTemplateDefinition> {}
}
