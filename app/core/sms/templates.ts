/**
 * Chinese SMS providers send only templates approved in advance, with positional
 * variables, so the platform speaks in template names + named variables, never in
 * free text. `params` is the order of the provider's {1}, {2}, …; `text` mirrors the
 * approved wording (without the 【sign】, which the provider adds) so the log driver
 * shows what the phone would receive.
 *
 * Core owns the login code; a module registers its own templates from its start file
 * (registerSmsTemplates) and declares their names on SmsTemplates, so a typo in a
 * template name is a type error. Each needs its wording approved at the provider and
 * its id in `SMS_TEMPLATE_<NAME>` (.env.example).
 */
export interface SmsTemplateDefinition {
  text: string
  params: readonly string[]
}

/** The template names; a module adds its own by declaration merging (`declare module` on this file, next to its registerSmsTemplates call). */
export interface SmsTemplates {
  verification_code: SmsTemplateDefinition
}

export type SmsTemplate = keyof SmsTemplates & string
export type SmsVariables = Record<string, string>

const templates = new Map<string, SmsTemplateDefinition>([
  ['verification_code', { text: '您的验证码是{code}，5分钟内有效，请勿告诉他人。', params: ['code'] }],
])

/** The env variable holding a template's provider id: verification_code → SMS_TEMPLATE_VERIFICATION_CODE. */
export function templateIdVariable(template: string) {
  return `SMS_TEMPLATE_${template.toUpperCase()}`
}

/**
 * Adds a module's templates. With the Tencent driver each must have its id in the
 * environment, checked here so a missing id stops the boot rather than the first SMS.
 */
export function registerSmsTemplates(definitions: Record<string, SmsTemplateDefinition>) {
  for (const [name, definition] of Object.entries(definitions)) {
    if (templates.has(name)) throw new Error(`SMS template ${name} is registered twice`)
    if (process.env.SMS_DRIVER === 'tencent' && !process.env[templateIdVariable(name)]) {
      throw new Error(`SMS_DRIVER=tencent needs ${templateIdVariable(name)} (the approved id of SMS template ${name})`)
    }
    templates.set(name, definition)
  }
}

export function smsTemplateNames(): SmsTemplate[] {
  return [...templates.keys()] as SmsTemplate[]
}

function definitionOf(template: SmsTemplate): SmsTemplateDefinition {
  const definition = templates.get(template)
  if (!definition) throw new Error(`SMS template ${template} is not registered`)
  return definition
}

/** The variables in the provider's positional order; a missing one is a caller's bug. */
export function templateParams(template: SmsTemplate, variables: SmsVariables): string[] {
  return definitionOf(template).params.map((name) => {
    const value = variables[name]
    if (value === undefined || value === '') throw new Error(`SMS template ${template} needs the variable "${name}"`)
    return value
  })
}

export function renderSms(signName: string, template: SmsTemplate, variables: SmsVariables) {
  return `【${signName}】` + definitionOf(template).text.replace(/\{(\w+)\}/g, (_, key: string) => variables[key] ?? '')
}
