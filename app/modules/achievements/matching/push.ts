import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { appUrl } from '#config/app'
import { clock, today } from '#core/clock'
import { notify } from '#core/notifications/notification_service'
import { queueSms } from '#core/jobs/sms_delivery'
import { findMatches } from '#modules/achievements/matching/matches'
import { modelOf, type Listing } from '#modules/achievements/shared/listings'
import { otherSide, type Side } from '#modules/achievements/shared/vocabulary'

/** How many of a new listing's best matches are pushed to their owners. */
export const PUSHED_MATCHES = 3

const zh = () => i18nManager.locale('zh-CN')
const titleOf = (text: string, length = 30) => (text.length > length ? `${text.slice(0, length)}…` : text)
export const listingPath = (side: Side, id: number) => `/achievements/${side}/${id}`

/**
 * Pushes a published listing's best matches: each pair once, whoever published last. The
 * other owner hears of the new listing in-site at once, the publisher of what matched; both
 * get the pair in their next SMS digest (at most one a day, unless they opted out).
 */
export async function pushMatchesOf(side: Side, listing: Listing) {
  const matches = await findMatches(side, listing, PUSHED_MATCHES)
  if (!matches.length) return 0
  const other = otherSide(side)
  let pushed = 0
  await db.transaction(async (trx) => {
    for (const match of matches) {
      const pair = side === 'demands' ? { demand_id: listing.id, offer_id: match.id } : { demand_id: match.id, offer_id: listing.id }
      const [row] = await trx
        .insertQuery()
        .table('achievements_match_pushes')
        .insert({ ...pair, score: match.score, created_at: clock.now() })
        .onConflict(['demand_id', 'offer_id'])
        .ignore()
        .returning('id')
      if (!row) continue
      pushed++
      await notify(
        match.listing.ownerId,
        {
          kind: 'achievements.match',
          title: titleOf(zh().t(`achievements.matching.push.to_${other}_owner`, { title: titleOf(listing.title, 20) }), 100),
          link: listingPath(side, listing.id),
        },
        { client: trx }
      )
      for (const userId of new Set([listing.ownerId, match.listing.ownerId])) {
        await trx.insertQuery().table('achievements_digest_items').insert({ user_id: userId, push_id: row.id, created_at: clock.now() }).onConflict(['user_id', 'push_id']).ignore()
      }
    }
    if (pushed) {
      await notify(
        listing.ownerId,
        { kind: 'achievements.match', title: zh().t(`achievements.matching.push.to_publisher_${side}`, { count: pushed }), link: `${listingPath(side, listing.id)}#matches` },
        { client: trx }
      )
    }
  })
  return pushed
}

/**
 * The daily SMS digest: one message per person with matches waiting, unless they opted
 * out or already had one this Beijing day. Idempotent: a digest marks its items sent in
 * the same transaction that records the day; running twice in a day sends nothing more.
 */
export async function sendDigests() {
  const dayStart = today().toJSDate()
  const waiting = await db
    .from('achievements_digest_items as i')
    .join('users as u', 'u.id', 'i.user_id')
    .leftJoin('achievements_sms_settings as s', 's.user_id', 'i.user_id')
    .whereNull('i.sent_at')
    .where((query) => query.whereNull('s.opted_out').orWhere('s.opted_out', false))
    .where((query) => query.whereNull('s.last_digest_at').orWhere('s.last_digest_at', '<', dayStart))
    .groupBy('i.user_id', 'u.phone')
    .select('i.user_id', 'u.phone')
    .count('* as n')
  let sent = 0
  for (const row of waiting) {
    const claimed = await db.transaction(async (trx) => {
      // The day's digest is claimed here: a second run (or worker) finds last_digest_at set and sends nothing.
      const claim = await trx.rawQuery(
        `INSERT INTO achievements_sms_settings (user_id, opted_out, last_digest_at, updated_at) VALUES (?, false, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET last_digest_at = EXCLUDED.last_digest_at, updated_at = EXCLUDED.updated_at
         WHERE NOT achievements_sms_settings.opted_out
           AND (achievements_sms_settings.last_digest_at IS NULL OR achievements_sms_settings.last_digest_at < ?)
         RETURNING user_id`,
        [row.user_id, clock.now(), clock.now(), dayStart]
      )
      if (!claim.rows.length) return false
      const updated = await trx.from('achievements_digest_items').where('user_id', row.user_id).whereNull('sent_at').update({ sent_at: clock.now() })
      return Number(updated) > 0
    })
    if (!claimed) continue
    await queueSms(row.phone, 'achievements_match_digest', { count: String(row.n), link: new URL('/achievements/mine', appUrl).toString() }).catch((error) =>
      logger.error({ err: error, userId: row.user_id }, 'achievements: digest SMS not queued')
    )
    sent++
  }
  return sent
}

/** 短信提醒 on or off for the person (in-site notices always come). */
export async function setSmsOptOut(userId: number, optedOut: boolean) {
  await db.rawQuery(
    `INSERT INTO achievements_sms_settings (user_id, opted_out, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET opted_out = EXCLUDED.opted_out, updated_at = EXCLUDED.updated_at`,
    [userId, optedOut, clock.now()]
  )
}

export async function smsOptedOut(userId: number) {
  const row = await db.from('achievements_sms_settings').where('user_id', userId).first()
  return !!row?.opted_out
}

/**
 * The nightly pass: listings published in the last day matched again (the other side has
 * grown since); pairs already pushed are not pushed again.
 */
export async function rematchRecent() {
  const since = new Date(clock.now().getTime() - 24 * 3600 * 1000)
  let pushed = 0
  for (const side of ['demands', 'offers'] as const) {
    const recent = await modelOf(side).query().where('status', 'published').where('created_at', '>=', since).orderBy('id').limit(500)
    for (const listing of recent) pushed += await pushMatchesOf(side, listing)
  }
  return pushed
}
