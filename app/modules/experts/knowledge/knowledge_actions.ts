import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import { clock } from '#core/clock'
import { RuleError } from '#core/http/rule_error'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import KnowledgeRevision from '#modules/experts/knowledge/knowledge_revision'
import { indexEntry } from '#modules/experts/knowledge/index_entry'
import { maskDigits } from '#modules/experts/shared/masking'
import { hidePhotos } from '#modules/experts/knowledge/entry_photos'

export interface Wording {
  title: string
  problem: string
  answer: string
}

function lockEntry(trx: TransactionClientContract, entryId: number) {
  return KnowledgeEntry.query({ client: trx }).where('id', entryId).forUpdate().first()
}

/**
 * Centre staff reword a published entry. The new wording is kept as a revision with its
 * editor and time, so every public version can be traced; digit runs typed in by the
 * editor are masked like the platform's own text (a phone number never goes public).
 * Returns false when nothing changed (no revision is written for it).
 */
export async function editEntry(editor: User, entryId: number, input: Wording): Promise<boolean> {
  return db.transaction(async (trx) => {
    const entry = await lockEntry(trx, entryId)
    if (!entry || entry.state !== 'published') throw new RuleError('experts.knowledge.manage.already_withdrawn', 'title')
    const wording = { title: maskDigits(input.title), problem: maskDigits(input.problem), answer: maskDigits(input.answer) }
    if (wording.title === entry.title && wording.problem === entry.problem && wording.answer === entry.answer) return false
    const now = DateTime.fromJSDate(clock.now())
    entry.merge({ ...wording, updatedAt: now })
    await entry.useTransaction(trx).save()
    await KnowledgeRevision.create({ entryId: entry.id, editorId: editor.id, kind: 'edited', ...wording, reason: null, createdAt: now }, { client: trx })
    await indexEntry(trx, entry)
    return true
  })
}

/** Takes an entry off the public pages for a stated reason; the wording stays in the history. */
export async function withdrawEntry(editor: User, entryId: number, reason: string): Promise<void> {
  await db.transaction(async (trx) => {
    const entry = await lockEntry(trx, entryId)
    if (!entry || entry.state !== 'published') throw new RuleError('experts.knowledge.manage.already_withdrawn', 'reason')
    const now = DateTime.fromJSDate(clock.now())
    entry.merge({ state: 'withdrawn', withdrawnReason: reason, withdrawnBy: editor.id, withdrawnAt: now, updatedAt: now })
    await entry.useTransaction(trx).save()
    await hidePhotos(trx, entry)
    await KnowledgeRevision.create(
      { entryId: entry.id, editorId: editor.id, kind: 'withdrawn', title: entry.title, problem: entry.problem, answer: entry.answer, reason, createdAt: now },
      { client: trx }
    )
    await indexEntry(trx, entry)
  })
}

/**
 * Merges a duplicate into the entry that stays (both published, both looked after by the
 * editor: `manages` is the policy's answer for the one that stays). The duplicate leaves
 * the public pages and the index, its address redirects to the other, and entries merged
 * into it before follow it, so no address ever redirects twice.
 */
export async function mergeEntry(editor: User, entryId: number, intoId: number, manages: (entry: KnowledgeEntry) => Promise<boolean>): Promise<KnowledgeEntry> {
  return db.transaction(async (trx) => {
    // Both rows locked in id order: two staff merging a pair both ways cannot deadlock.
    const locked = await KnowledgeEntry.query({ client: trx }).whereIn('id', [entryId, intoId]).orderBy('id').forUpdate()
    // bigint ids come back from pg as strings
    const entry = locked.find((row) => Number(row.id) === Number(entryId))
    const into = locked.find((row) => Number(row.id) === Number(intoId))
    if (!entry || entry.state !== 'published') throw new RuleError('experts.knowledge.manage.already_withdrawn', 'into_id')
    if (Number(intoId) === Number(entryId)) throw new RuleError('experts.knowledge.manage.merge_self', 'into_id')
    // Unknown, withdrawn, merged or another centre's: one answer, so nothing is learnt of other scopes.
    if (!into || into.state !== 'published' || !(await manages(into))) throw new RuleError('experts.knowledge.manage.merge_unknown', 'into_id')
    const now = DateTime.fromJSDate(clock.now())
    entry.merge({ state: 'merged', mergedIntoId: into.id, updatedAt: now })
    await entry.useTransaction(trx).save()
    await hidePhotos(trx, entry)
    await KnowledgeEntry.query({ client: trx }).where('merged_into_id', entry.id).update({ merged_into_id: into.id, updated_at: now.toJSDate() })
    await KnowledgeRevision.create(
      { entryId: entry.id, editorId: editor.id, kind: 'merged', title: entry.title, problem: entry.problem, answer: entry.answer, reason: `#${into.id}`, createdAt: now },
      { client: trx }
    )
    await indexEntry(trx, entry)
    return into
  })
}
