import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import Media from '#core/media/media'
import { setMediaVisibility } from '#core/media/media_service'
import { clock } from '#core/clock'
import { RuleError } from '#core/http/rule_error'
import { caseMedia } from '#modules/experts/conversation/conversation_view'
import Consultation from '#modules/experts/models/consultation'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import KnowledgeRevision from '#modules/experts/knowledge/knowledge_revision'

/**
 * The photos of an entry (migration 0373): none goes public with it; centre staff choose
 * those that show only the crop or animal — no face, house number or phone number — and
 * each chosen file is public while the entry is, private again when it is withdrawn or
 * merged away or no longer chosen.
 */
export async function casePhotosOf(entry: KnowledgeEntry): Promise<Media[]> {
  const consultation = await Consultation.findOrFail(entry.consultationId)
  return (await caseMedia(consultation)).filter((media) => media.kind === 'photo')
}

export function publicPhotosOf(entry: KnowledgeEntry) {
  return Media.query()
    .join('experts_knowledge_photos as chosen', 'chosen.media_id', 'media.id')
    .where('chosen.entry_id', entry.id)
    .orderBy('chosen.position')
    .select('media.*')
}

/** Staff choose which of the case's photos the public sees; returns false when the choice is unchanged. */
export async function choosePhotos(editor: User, entryId: number, mediaIds: number[]): Promise<boolean> {
  return db.transaction(async (trx) => {
    const entry = await KnowledgeEntry.query({ client: trx }).where('id', entryId).forUpdate().first()
    if (!entry || entry.state !== 'published') throw new RuleError('experts.knowledge.manage.already_withdrawn', 'photo_ids')
    const offered = (await casePhotosOf(entry)).map((media) => Number(media.id))
    const wanted = [...new Set(mediaIds.map(Number))]
    if (wanted.some((id) => !offered.includes(id))) throw new RuleError('experts.knowledge.manage.photo_unknown', 'photo_ids')
    const before = (await trx.from('experts_knowledge_photos').where('entry_id', entry.id).select('media_id')).map((row) => Number(row.media_id))
    if (before.length === wanted.length && before.every((id) => wanted.includes(id))) return false

    await trx.from('experts_knowledge_photos').where('entry_id', entry.id).delete()
    for (const dropped of before.filter((id) => !wanted.includes(id))) await setMediaVisibility(trx, dropped, 'private')
    const now = DateTime.fromJSDate(clock.now())
    const chosen = offered.filter((id) => wanted.includes(id))
    for (const [position, id] of chosen.entries()) {
      await trx.table('experts_knowledge_photos').insert({ entry_id: entry.id, media_id: id, position, chosen_by: editor.id, created_at: now.toJSDate() })
      await setMediaVisibility(trx, id, 'public')
    }
    await KnowledgeRevision.create(
      { entryId: entry.id, editorId: editor.id, kind: 'photos', title: entry.title, problem: entry.problem, answer: entry.answer, reason: String(chosen.length), createdAt: now },
      { client: trx }
    )
    return true
  })
}

/** An entry leaving the public pages takes its photos with it (the choice stays, for the history). */
export async function hidePhotos(trx: TransactionClientContract, entry: KnowledgeEntry) {
  const chosen = await trx.from('experts_knowledge_photos').where('entry_id', entry.id).select('media_id')
  for (const row of chosen) await setMediaVisibility(trx, Number(row.media_id), 'private')
}
