import { maskPhone } from '#core/accounts/mask'
/*
 * How buyers reach a seller or a shop: the channels they already use. The platform only
 * points to them (no cart, no payment, ever), so each must be safe to put in a link.
 */

/** WeChat's own rule for a 微信号: 6–20 letters, digits, _ or -, starting with a letter. */
export const WECHAT_ID = /^[a-zA-Z][-_a-zA-Z0-9]{5,19}$/

/** A mobile number, or a landline with its area code (028-85551234, 02885551234). */
export const CONTACT_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

export const MAX_SHOP_URLS = 3
export const MAX_SHOP_URL_CHARS = 200

/** Whether a shop link is an http(s) URL with a host: `javascript:`, `data:` and the like never are. */
export function isShopUrl(value: string) {
  if (value.length > MAX_SHOP_URL_CHARS || /\s/.test(value)) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** The lines of a shop-links text box, without blanks. */
export function shopUrlLines(text: string | undefined | null): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/** A contact phone as the viewer may see it: the number and its tel: link, or masked (anonymous visitors, crawlers). */
export function contactPhoneView(phone: string | null, shown: boolean) {
  if (!phone) return null
  return shown ? { shown: phone, tel: phone.replaceAll('-', '') } : { shown: maskPhone(phone), tel: null }
}
