import { industryList, industryNames } from '#core/industries/industry_directory'
import Media from '#core/media/media'
import regionDirectory from '#core/regions/region_directory'
import type Seller from '#modules/supply/models/seller'

/** What a seller's card and page show besides the record: place and industry names. */
export async function sellerLabels(sellers: Pick<Seller, 'countyCode'>[]) {
  return {
    regionNames: await regionDirectory.fullNames(sellers.map((seller) => seller.countyCode)),
    industryNames: Object.fromEntries(await industryNames()),
  }
}

export async function formOptions() {
  return { industries: await industryList(), regionTree: await regionDirectory.tree() }
}

/** A seller's photos, first stored first; the public page shows only public ones (a selected seller's). */
export function sellerPhotos(seller: Seller, publicOnly: boolean) {
  const query = Media.query().where({ subject_type: 'supply.seller', subject_id: seller.id }).orderBy('id')
  if (publicOnly) query.where('visibility', 'public')
  return query
}
