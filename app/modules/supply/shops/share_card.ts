import env from '#start/env'
import type Media from '#core/media/media'
import type { I18n } from '@adonisjs/i18n'
import type MicroShop from '#modules/supply/models/micro_shop'
import type ShopProduct from '#modules/supply/models/shop_product'

/*
 * Share cards of shops and products: what WeChat's in-app browser, QQ and other apps show
 * when the page is sent to a friend — the page's title and description (og:title,
 * og:description, and the plain <title>/<meta name="description"> WeChat reads), and a public
 * photo as og:image (the full size: ≈1600 px, over the 300 px WeChat needs), as an absolute URL.
 */

/** A share card's description stops here (WeChat shows two lines or so). */
const DESCRIPTION_CHARS = 80

export interface ShareCard {
  description: string
  ogImage: string | null
  /** The page's own absolute address, for the 分享 button. */
  url: string
}

const absolute = (path: string) => new URL(path, env.get('APP_URL')).toString()
const clip = (text: string) => (text.length > DESCRIPTION_CHARS ? `${text.slice(0, DESCRIPTION_CHARS - 1)}…` : text)

/** A public photo, if the page has one (only public photos: a crawler fetches it signed out). */
function imageOf(photo: Media | undefined) {
  return photo && photo.visibility === 'public' ? absolute(photo.url('full')) : null
}

export function shopCard(i18n: I18n, shop: MicroShop, place: string, industry: string, photo: Media | undefined): ShareCard {
  const where = i18n.t('supply.shops.share.where', { place, industry })
  return {
    description: clip(shop.intro ? `${where}：${shop.intro}` : where),
    ogImage: imageOf(photo),
    url: absolute(`/supply/shops/${shop.id}`),
  }
}

export function productCard(i18n: I18n, shop: MicroShop, product: ShopProduct, price: string, seasons: string, photo: Media | undefined): ShareCard {
  return {
    description: clip(i18n.t('supply.shops.share.product', { price, unit: product.unit, seasons, shop: shop.name })),
    ogImage: imageOf(photo),
    url: absolute(`/supply/shops/${shop.id}/products/${product.id}`),
  }
}
