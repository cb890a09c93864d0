/*
 * The words of 产业信息 (DESIGN §9: IndustryRecord) and its workflow 上传 → 审核 → 签批 → 发布.
 * A rejection at any step returns the record to its author, who edits and submits again.
 */

export const RECORD_KINDS = ['status', 'leading_enterprise', 'support_unit', 'trend'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** Kinds about one organisation, with its structured fields (name, 统一社会信用代码, …). */
export const ENTITY_KINDS: readonly RecordKind[] = ['leading_enterprise', 'support_unit']

/** macro: 宏观产业资讯, province-wide; local: 地方特色产业 of a city or county. */
export const RECORD_CATEGORIES = ['macro', 'local'] as const
export type RecordCategory = (typeof RECORD_CATEGORIES)[number]

export const RECORD_STATUSES = ['draft', 'submitted', 'reviewed', 'published', 'rejected', 'withdrawn', 'superseded'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]

/** The author may change the text only before it enters review, or after it came back (rejected or withdrawn). */
export const EDITABLE: readonly RecordStatus[] = ['draft', 'rejected', 'withdrawn']

/** Steps a reviewer or signer may reject at. */
export const REJECTABLE: readonly RecordStatus[] = ['submitted', 'reviewed']

/** The review checklist: each item is ticked by the reviewer (政治导向, 涉密, 权属, 数据来源). */
export const CHECKLIST_ITEMS = ['politics', 'secrecy', 'ownership', 'data_source'] as const
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number]
export type Checklist = Record<ChecklistItem, { ok: true; remark: string }>

export const EVENT_ACTIONS = ['created', 'updated', 'submitted', 'reviewed', 'signed_off', 'rejected', 'withdrawn', 'revised', 'superseded'] as const
export type EventAction = (typeof EVENT_ACTIONS)[number]

/** Subject type of records in the audit log and the moderation queue. */
export const RECORD_SUBJECT = 'info.record'

/** Industries a record names: the main one first, at most this many more. */
export const MAX_OTHER_INDUSTRIES = 3
