import type { HttpContext } from '@adonisjs/core/http'
import { listingLabels, listPublished } from '#modules/achievements/listings/listing_queries'
import { budgetText } from '#modules/achievements/listings/listings_controller'

const LATEST = 5

/** 成果转化: the newest demands and offers, and the ways into the module's pages. */
export default class HomeController {
  async show({ view }: HttpContext) {
    const filters = { city: '', county: '', industry: '', kind: '' as const, page: 1 }
    const [demands, offers] = await Promise.all([listPublished('demands', filters), listPublished('offers', filters)])
    const latest = { demands: demands.listings.slice(0, LATEST), offers: offers.listings.slice(0, LATEST) }
    return view.render('achievements/listings/pages/home', {
      latest,
      budgetText,
      ...(await listingLabels([...latest.demands, ...latest.offers])),
    })
  }
}
