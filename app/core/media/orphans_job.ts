import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { audit } from '#core/audit/audit'
import { defineJob, defineSchedule } from '#core/jobs/registry'
import { removeOrphanedMedia } from '#core/media/media_service'

export const REMOVE_ORPHANED_MEDIA = 'media.remove_orphans'

/** Unattached uploads younger than this may still be attached (a form resent after a refusal). */
export const ORPHAN_AFTER_HOURS = 24
const BATCH = 100

/**
 * Removes uploads that belong to no record and were not kept in "我的图片", once they are
 * a day old (files and rows, in batches of 100), and audits how many went. Safe to run
 * twice or on two workers at once: a batch's rows are locked, a removed row is not found again.
 */
export async function collectOrphanedMedia(now = new Date()): Promise<number> {
  const olderThan = new Date(now.getTime() - ORPHAN_AFTER_HOURS * 3600 * 1000)
  let removed = 0
  for (;;) {
    const count = await removeOrphanedMedia(olderThan, BATCH)
    removed += count
    if (count < BATCH) break
  }
  if (removed) {
    await db.transaction((trx) =>
      audit(trx, {
        actor: null,
        action: 'media.orphans_removed',
        subjectType: 'media',
        changes: { count: { old: null, new: removed }, olderThan: { old: null, new: olderThan.toISOString() } },
      })
    )
    logger.info({ removed }, `media: ${removed} orphaned uploads removed`)
  }
  return removed
}

defineJob(REMOVE_ORPHANED_MEDIA, async () => {
  await collectOrphanedMedia()
}, { retryLimit: 2, retryDelay: 60 })
defineSchedule(REMOVE_ORPHANED_MEDIA, 3600)
