/*
 * Every URL of 产业信息, one block per feature folder. The public pages read published
 * records only; the centre's pages (writing, review, sign-off) are signed in and scoped.
 */
import router from '@adonisjs/core/services/router'
import { routeGroup } from '#core/http/route_group'

const BrowseController = () => import('#modules/info/browse/browse_controller')
const RecordsController = () => import('#modules/info/records/records_controller')
const ReviewsController = () => import('#modules/info/reviews/reviews_controller')

// records — centre staff write records of their scope and submit them (上传).
routeGroup({ prefix: '/info/records', as: 'info.records' }, () => {
  router.get('/', [RecordsController, 'index']).as('index')
  router.get('/new', [RecordsController, 'create']).as('create')
  router.post('/', [RecordsController, 'store']).as('store')
  router.get('/:id', [RecordsController, 'show']).as('show')
  router.get('/:id/edit', [RecordsController, 'edit']).as('edit')
  router.post('/:id', [RecordsController, 'update']).as('update')
  router.post('/:id/submit', [RecordsController, 'submit']).as('submit')
  router.post('/:id/revise', [RecordsController, 'revise']).as('revise')
  router.post('/:id/media/:publicId/delete', [RecordsController, 'removeMedia']).as('remove_media').where('publicId', /^[A-Za-z0-9_-]{22}$/)
})

// reviews — 审核 and 签批 by other staff of the record's scope; a rejection returns the record to its author.
routeGroup({ prefix: '/info', as: 'info.reviews' }, () => {
  router.get('/reviews', [ReviewsController, 'index']).as('index')
  router.post('/records/:id/review', [ReviewsController, 'review']).as('review')
  router.post('/records/:id/sign-off', [ReviewsController, 'signOff']).as('sign_off')
  router.post('/records/:id/reject', [ReviewsController, 'reject']).as('reject')
  router.post('/records/:id/withdraw', [ReviewsController, 'withdraw']).as('withdraw')
})

// browse — the watermarked PDF of a published record names its downloader: signed in.
routeGroup({ prefix: '/info', as: 'info.browse' }, () => {
  router.get('/:id/pdf', [BrowseController, 'pdf']).as('pdf')
})

// browse — published records, open to everyone.
routeGroup({ prefix: '/info', as: 'info.browse', signedIn: false }, () => {
  router.get('/', [BrowseController, 'index']).as('index')
  router.get('/:id', [BrowseController, 'show']).as('show')
})
