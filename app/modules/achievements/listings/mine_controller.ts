import type { HttpContext } from '@adonisjs/core/http'
import { listingLabels, ownListings } from '#modules/achievements/listings/listing_queries'
import { smsOptedOut } from '#modules/achievements/matching/push'
import { PUBLISHERS } from '#modules/achievements/listings/policy'
import { budgetText } from '#modules/achievements/listings/listings_controller'

/** 我的成果转化: the person's demands and offers in every status, what they may publish, and the SMS setting. */
export default class MineController {
  async show({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const { demands, offers } = await ownListings(user.id)
    return view.render('achievements/listings/pages/mine', {
      demands,
      offers,
      mayPublish: { demands: await user.hasRole(...PUBLISHERS.demands), offers: await user.hasRole(...PUBLISHERS.offers) },
      optedOut: await smsOptedOut(user.id),
      budgetText,
      ...(await listingLabels([...demands, ...offers])),
    })
  }
}
