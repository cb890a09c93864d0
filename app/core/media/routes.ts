import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const MediaController = () => import('#core/media/controllers/media_controller')

const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/

router
  .group(() => {
    router.get('/media', [MediaController, 'index']).as('media.index')
    router.post('/media', [MediaController, 'store']).as('media.store')
    router.get('/media/:publicId/delete', [MediaController, 'confirmDestroy']).as('media.confirm_destroy').where('publicId', PUBLIC_ID)
    router.post('/media/:publicId/delete', [MediaController, 'destroy']).as('media.destroy').where('publicId', PUBLIC_ID)
  })
  .use(middleware.auth())

// No auth middleware: public media are for everyone, and the policy answers 404 to the rest.
router
  .get('/media/:publicId/:variant', [MediaController, 'show'])
  .as('media.show')
  .where('publicId', PUBLIC_ID)
  .where('variant', /^(full|thumb)$/)
