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
    await KnowledgeRevision.create(
      { entryId: entry.id, editorId: editor.id, kind: 'withdrawn', title: entry.title, problem: entry.problem, answer: entry.answer, reason, createdAt: now },
      { client: trx }
    )
    await indexEntry(trx, entry)
  })
}
