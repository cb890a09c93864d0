/*
 * Every URL of 供销对接, one block per feature folder (the folder holds the block's
 * controllers). Groups are signed in unless `signedIn: false`.
 */
import router from '@adonisjs/core/services/router'
import { routeGroup } from '#core/http/route_group'

const SellersController = () => import('#modules/supply/sellers/sellers_controller')
const SellerReviewsController = () => import('#modules/supply/sellers/seller_reviews_controller')
const ShopsController = () => import('#modules/supply/shops/shops_controller')

// sellers — the list of selected sellers and a seller's page are public (buyers look before signing in);
// proposing one needs an account; centre staff select or remove the proposals of their region.
routeGroup({ prefix: '/supply/sellers', as: 'supply.sellers' }, () => {
  router.get('/new', [SellersController, 'create']).as('create')
  router.post('/', [SellersController, 'store']).as('store')
})
routeGroup({ prefix: '/supply', as: 'supply.sellers', signedIn: false }, () => {
  router.get('/', [SellersController, 'index']).as('index')
  router.get('/sellers/:id', [SellersController, 'show']).as('show')
})
routeGroup({ prefix: '/admin/supply/sellers', as: 'supply.sellers.reviews' }, () => {
  router.get('/', [SellerReviewsController, 'index']).as('index')
  router.get('/:id', [SellerReviewsController, 'show']).as('show')
  router.post('/:id/select', [SellerReviewsController, 'select']).as('select')
  router.post('/:id/remove', [SellerReviewsController, 'remove']).as('remove')
  router.post('/:id/recommend', [SellerReviewsController, 'recommend']).as('recommend')
})

// shops — 农户微商: the owner's own shop (no shop id in the path: there is nobody else's to reach) and the public shop page.
routeGroup({ prefix: '/supply/shops/mine', as: 'supply.shops' }, () => {
  router.get('/', [ShopsController, 'mine']).as('mine')
  router.post('/', [ShopsController, 'save']).as('save')
  router.post('/products', [ShopsController, 'storeProduct']).as('products.store')
  router.post('/products/:id/sold-out', [ShopsController, 'soldOut']).as('products.sold_out')
  router.post('/products/:id/delete', [ShopsController, 'destroyProduct']).as('products.destroy')
  router.get('/products/:id/edit', [ShopsController, 'editProduct']).as('products.edit')
  router.post('/products/:id', [ShopsController, 'updateProduct']).as('products.update')
})
// Reporting a shop and revealing its phone need an account: an anonymous report queue is a spam
// channel, and phones are for people who call, not for crawlers.
routeGroup({ prefix: '/supply/shops', as: 'supply.shops' }, () => {
  router.post('/:id/report', [ShopsController, 'report']).as('report')
  router.post('/:id/phone', [ShopsController, 'revealPhone']).as('phone')
})
// 应季产品: a county's micro-shop products on offer this farming season.
routeGroup({ prefix: '/supply', as: 'supply.shops', signedIn: false }, () => {
  router.get('/in-season', [ShopsController, 'inSeason']).as('in_season')
})
routeGroup({ prefix: '/supply/shops', as: 'supply.shops', signedIn: false }, () => {
  router.get('/', [ShopsController, 'index']).as('index')
  router.get('/:id', [ShopsController, 'show']).as('show')
  router.get('/:id/products/:productId', [ShopsController, 'product']).as('product')
})
