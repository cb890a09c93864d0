import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { upsertDocument } from '#core/text/documents'
import type { Listing } from '#modules/achievements/shared/listings'
import { SUBJECTS, type Side } from '#modules/achievements/shared/vocabulary'

/**
 * Keeps a demand's or offer's text document in step (its own source type, a directory:
 * 找类似 never offers it): title and description, main industry and county, the other
 * industries and the kind as tags. Only a published listing is public, so the matcher
 * never finds a held or withdrawn one.
 */
export async function indexListing(trx: TransactionClientContract, side: Side, listing: Listing) {
  await upsertDocument(
    {
      sourceType: SUBJECTS[side],
      sourceId: String(listing.id),
      industry: listing.industries[0] ?? null,
      county: listing.countyCode,
      text: [listing.title, listing.description].join('\n'),
      public: listing.status === 'published',
      tags: [...listing.industries.slice(1).map((code) => `industry:${code}`), `kind:${listing.kind}`],
      createdAt: listing.createdAt?.toJSDate(),
    },
    trx
  )
}
