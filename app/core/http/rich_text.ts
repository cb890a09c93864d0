import sanitizeHtml from 'sanitize-html'
import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

/*
 * Rich text that people write and others read (an industry record's body, a lecture's
 * notes): a small safe subset of HTML — paragraphs, headings, lists, tables, bold and
 * links to http(s) — cleaned on the server by sanitize-html's allow-list (never by
 * regex) before it is stored, so what is stored is what is shown.
 */

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'a'],
  allowedAttributes: { a: ['href', 'rel'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Script, style and the like go with their content; anything else unknown keeps its text.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'svg', 'math', 'iframe', 'object', 'template'],
  transformTags: {
    // The page's own h1 is the record's title: headings in the body start one level down.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    b: 'strong',
    div: 'p',
    // Only absolute http(s) links stay links (the scheme allow-list checks again); any
    // other (javascript:, data:, vbscript:, a relative path) becomes its text alone.
    a: (tagName, attribs): sanitizeHtml.Tag =>
      /^https?:\/\/[^\s]/i.test(attribs.href?.trim() ?? '')
        ? { tagName, attribs: { href: attribs.href.trim(), rel: 'nofollow noopener noreferrer' } }
        : { tagName: 'span', attribs: {} },
  },
}

/** Whether typed text has markup at all: a "<" before a letter, "/" or "!" (so "温度<5℃" is text). */
const HAS_TAGS = /<[a-zA-Z/!]/

/**
 * The stored form of what a person typed: markup cleaned to the safe subset; text without
 * any tag (typed without the toolbar, or without JavaScript) becomes paragraphs, a blank
 * line between them, a single line break kept as <br>.
 */
export function cleanRichText(input: string): string {
  const text = input.replace(/\r\n?/g, '\n').trim()
  if (!text) return ''
  const html = HAS_TAGS.test(text) ? text : paragraphsOf(text)
  return sanitizeHtml(html, OPTIONS).trim()
}

function paragraphsOf(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

export function escapeHtml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }

/**
 * The words of clean rich text (as cleanRichText stores it) for the text index, content
 * screening and summaries: blocks on their own lines, table cells apart, no markup.
 */
export function richTextToPlain(clean: string): string {
  const text = sanitizeHtml(
    clean
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|h[1-6]|li|tr|table|ul|ol)>/gi, '$&\n')
      .replace(/<\/t[dh]>/gi, '$& '),
    { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags }
  )
  return text
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/**
 * Cleans the field to its stored form (cleanRichText) and counts its words, not its
 * markup: at least `min`, at most `max` characters of text (messages `rich_text_min` /
 * `rich_text_max` with {min}/{max}; validator.shared words them).
 */
const richTextRule = vine.createRule((value: unknown, options: { min: number; max: number }, field: FieldContext) => {
  if (typeof value !== 'string') return
  const clean = cleanRichText(value)
  const length = [...richTextToPlain(clean)].length
  if (length < options.min) field.report('', 'rich_text_min', field, options)
  else if (length > options.max) field.report('', 'rich_text_max', field, options)
  else field.mutate(clean, field)
})

/** A rich-text form field: typed markup (up to 4× the text in tags) cleaned on the server before anything stores it. */
export const richText = (options: { min: number; max: number }) =>
  vine
    .string()
    .maxLength(options.max * 4)
    .use(richTextRule(options))
