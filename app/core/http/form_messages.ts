import type { MessagesProviderContact } from '@vinejs/vine/types'
import type { I18n } from '@adonisjs/i18n'

const SHARED = 'validator.shared'

/**
 * Messages of a form area (e.g. 'supply.sellers.validator' in supply.json), falling back to
 * the shared ones (validator.json) for rules and fields the area does not word itself, such
 * as the county picker's.
 */
export function areaMessages(i18n: I18n, area: string): MessagesProviderContact {
  const first = (keys: string[]) => keys.find((key) => i18n.hasMessage(key) || i18n.hasFallbackMessage(key))
  const fieldName = (name: string) => {
    const key = first([`${area}.fields.${name}`, `${SHARED}.fields.${name}`])
    return key ? i18n.t(key) : name
  }
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const key = first([
        `${area}.messages.${field.wildCardPath}.${rule}`,
        `${SHARED}.messages.${field.wildCardPath}.${rule}`,
        `${area}.messages.${rule}`,
        `${SHARED}.messages.${rule}`,
      ])
      const data = { ...meta, field: fieldName(String(field.name)) }
      return key ? i18n.t(key, data) : defaultMessage
    },
  }
}
