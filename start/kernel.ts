/*
 * HTTP middleware: server-wide (every request, even without a route), router-wide
 * (requests that matched a route) and named (per route).
 */
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import edge from 'edge.js'

// The shield provider binds its middleware anew for every request (resolving the encryption
// service and importing edge each time: 16 % of a guest page's CPU). Its guards keep no
// per-request state, so one instance serves every request.
app.container.singleton(ShieldMiddleware, async () => new ShieldMiddleware(app.config.get('shield', {}), (await app.container.make('encryption')).use(), edge))

server.errorHandler(() => import('#core/exceptions/handler'))

server.use([
  () => import('#core/metrics/request_metrics_middleware'),
  () => import('#core/middleware/container_bindings_middleware'),
  () => import('#core/http/assets'),
])

router.use([
  () => import('#core/http/script_redirect_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('#core/http/normalise_input_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('#core/middleware/detect_user_locale_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#core/middleware/initialize_bouncer_middleware'),
  () => import('#core/middleware/session_lifetime_middleware'),
  () => import('#core/middleware/current_user_middleware'),
  () => import('#core/middleware/security_headers_middleware'),
  () => import('#core/http/idempotency'),
])

export const middleware = router.named({
  auth: () => import('#core/middleware/auth_middleware'),
  guest: () => import('#core/middleware/guest_middleware'),
})
