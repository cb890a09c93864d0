import { DateTime } from 'luxon'
import { RuleError } from '#core/http/rule_error'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import { clock } from '#core/clock'
import { ModerationWord } from '#core/moderation/models'
import { filterFor, normalizeWord, verdictOf } from '#core/moderation/word_filter'
import type { Acting } from '#core/accounts/acting'
import type { WordAction, WordCategory } from '#core/moderation/vocabulary'


function wordAudit(trx: TransactionClientContract, acting: Acting, action: string, word: ModerationWord, added: boolean) {
  const value = (field: 'word' | 'category' | 'action') =>
    added ? { old: null, new: word[field] } : { old: word[field], new: null }
  return audit(trx, {
    actor: acting.actor,
    actorRole: acting.actorRole,
    action,
    subjectType: 'moderation.word',
    subjectId: word.id,
    ip: acting.ip,
    changes: { word: value('word'), category: value('category'), action: value('action') },
  })
}

export function addWord(acting: Acting, entry: { word: string; category: WordCategory; action: WordAction }) {
  const normalized = normalizeWord(entry.word)
  if (!normalized) throw new RuleError('moderation.words.not_screenable', 'word')
  // The unique index decides duplicates, so two admins adding one word at once cannot both win.
  const added = db.transaction(async (trx) => {
    const word = await ModerationWord.create(
      { ...entry, word: entry.word.trim(), normalized, createdById: acting.actor.id, createdAt: DateTime.fromJSDate(clock.now()) },
      { client: trx }
    )
    await wordAudit(trx, acting, 'moderation.word_add', word, true)
    return word
  })
  return added.catch((error) => {
    throw error?.code === '23505' ? new RuleError('moderation.words.duplicate', 'word') : error
  })
}

export function removeWord(acting: Acting, word: ModerationWord) {
  return db.transaction(async (trx) => {
    word.useTransaction(trx)
    await word.delete()
    await wordAudit(trx, acting, 'moderation.word_remove', word, false)
  })
}

/*
 * A change to the list needs nothing more: a trigger on moderation_words moves the
 * list's version (migration 0221), and every process rebuilds its filter on its next
 * screening.
 */

/** What the current list makes of a text, breakers aside (the admins' "检测文本" tool). */
export async function checkText(text: string) {
  const [{ version }] = await db.from('moderation_word_list').where('id', 1).select(db.raw('version::text AS version'))
  const matches = (await filterFor(version, db.connection())).matches(text)
  return { verdict: verdictOf(matches, false), matches }
}
