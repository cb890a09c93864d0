/**
 * Chinese SMS providers send only templates approved in advance, with positional
 * variables, so the platform speaks in template names + named variables, never in
 * free text. `params` is the order of the provider's {1}, {2}, …; `text` mirrors the
 * approved wording (without the 【sign】, which the provider adds) so the log driver
 * shows what the phone would receive. A new template needs its wording approved at
 * the provider and its id in `SMS_TEMPLATE_<NAME>` (start/env.ts, .env.example).
 */
export const SMS_TEMPLATES = {
  verification_code: {
    text: '您的验证码是{code}，5分钟内有效，请勿告诉他人。',
    params: ['code'],
  },
  // experts (报需求): the farmer an 信息员 reported for follows the case through a signed link.
  consultation_farmer_link: {
    text: '信息员已为您提交农业技术咨询（编号{id}），查看进展和专家答复：{link}',
    params: ['id', 'link'],
  },
  // experts: a new message on a case after a quiet spell (in-site notices cover the rest).
  consultation_new_message: {
    text: '您的农业技术咨询（编号{id}）有新消息，请点击查看：{link}',
    params: ['id', 'link'],
  },
  // experts (triage): an expert's new case, with the signed single-case link (≈ 60 characters with APP_URL).
  expert_new_case: {
    text: '您有一条新的农技咨询，请在3小时内处理：{link}',
    params: ['link'],
  },
  // experts (visits): the expert sent to a farm, with the signed link to record the outcome.
  expert_visit_dispatched: {
    text: '运管中心请您于{date}上门服务，地点：{place}。查看详情并记录结果：{link}',
    params: ['date', 'place', 'link'],
  },
  expert_visit_rescheduled: {
    text: '您的上门服务已改为{date}，地点：{place}。详情：{link}',
    params: ['date', 'place', 'link'],
  },
  // experts (closing): an answered case silent for 7 days was closed by the system.
  consultation_auto_closed: {
    text: '您的农业技术咨询（编号{id}）已有专家解答，7天没有新消息，系统已自动结案。如仍有问题，请重新提交。',
    params: ['id'],
  },
} as const satisfies Record<string, { text: string; params: readonly string[] }>

export type SmsTemplate = keyof typeof SMS_TEMPLATES
export type SmsVariables = Record<string, string>

export const SMS_TEMPLATE_NAMES = Object.keys(SMS_TEMPLATES) as SmsTemplate[]

/** The env variable holding a template's provider id: verification_code → SMS_TEMPLATE_VERIFICATION_CODE. */
export function templateIdVariable<T extends SmsTemplate>(template: T) {
  return `SMS_TEMPLATE_${template.toUpperCase()}` as `SMS_TEMPLATE_${Uppercase<T>}`
}

/** The variables in the provider's positional order; a missing one is a caller's bug. */
export function templateParams(template: SmsTemplate, variables: SmsVariables): string[] {
  return SMS_TEMPLATES[template].params.map((name) => {
    const value = variables[name]
    if (value === undefined || value === '') throw new Error(`SMS template ${template} needs the variable "${name}"`)
    return value
  })
}

export function renderSms(signName: string, template: SmsTemplate, variables: SmsVariables) {
  return `【${signName}】` + SMS_TEMPLATES[template].text.replace(/\{(\w+)\}/g, (_, key: string) => variables[key] ?? '')
}
