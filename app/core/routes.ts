import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HomeController = () => import('#core/home_controller')
const HealthController = () => import('#core/health_controller')
const MetricsController = () => import('#core/metrics/metrics_controller')
const RegionsController = () => import('#core/regions/regions_controller')
const SignupController = () => import('#core/accounts/controllers/signup_controller')
const SessionController = () => import('#core/accounts/controllers/session_controller')
const PasswordResetController = () => import('#core/accounts/controllers/password_reset_controller')
const SmsCodesController = () => import('#core/accounts/controllers/sms_codes_controller')
const ProfileController = () => import('#core/accounts/controllers/profile_controller')
const DevSmsController = () => import('#core/sms/dev_sms_controller')
const WechatController = () => import('#core/accounts/wechat_controller')
const PasskeysController = () => import('#core/accounts/controllers/passkeys_controller')
const DevicesController = () => import('#core/accounts/controllers/devices_controller')

router.get('/', [HomeController, 'show']).as('home')
router.get('/health', [HealthController, 'show']).as('health')
router.get('/health/live', [HealthController, 'live']).as('health.live')
router.get('/health/ready', [HealthController, 'ready']).as('health.ready')
router.get('/metrics', [MetricsController, 'show']).as('metrics')
router.get('/regions/:cityCode/counties', [RegionsController, 'counties']).as('regions.counties')

router
  .group(() => {
    router.get('/signup', [SignupController, 'create']).as('signup.create')
    router.post('/signup', [SignupController, 'store']).as('signup.store')
    router.get('/login', [SessionController, 'create']).as('session.create')
    router.post('/login', [SessionController, 'store']).as('session.store')
    router.get('/password/reset', [PasswordResetController, 'create']).as('password_reset.create')
    router.post('/password/reset', [PasswordResetController, 'store']).as('password_reset.store')
    // 微信登录 (app/core/accounts/wechat_controller.ts): to WeChat's QR page, back, and once the phone to link.
    router.get('/login/wechat', [WechatController, 'redirect']).as('wechat.redirect')
    router.get('/login/wechat/callback', [WechatController, 'callback']).as('wechat.callback')
    router.get('/login/wechat/link', [WechatController, 'link']).as('wechat.link')
    router.post('/login/wechat/link', [WechatController, 'storeLink']).as('wechat.link.store')
    // 通行密钥登录 (app/core/accounts/passkeys.ts): the options (a challenge kept in the session), then the phone's answer.
    router.post('/login/passkey/options', [PasskeysController, 'loginOptions']).as('passkeys.login_options')
    router.post('/login/passkey', [PasskeysController, 'login']).as('passkeys.login')
  })
  .use(middleware.guest())
router.post('/sms-codes', [SmsCodesController, 'store']).as('sms_codes.store')

router
  .group(() => {
    router.post('/logout', [SessionController, 'destroy']).as('session.destroy')
    router.get('/profile', [ProfileController, 'edit']).as('profile.edit')
    router.post('/profile', [ProfileController, 'update']).as('profile.update')
    // 通行密钥: the person's passkeys (add, rename, delete); 我的登录设备: their sessions, one signed out.
    router.get('/profile/passkeys', [PasskeysController, 'index']).as('passkeys.index')
    router.post('/profile/passkeys/options', [PasskeysController, 'registrationOptions']).as('passkeys.options')
    router.post('/profile/passkeys', [PasskeysController, 'store']).as('passkeys.store')
    router.post('/profile/passkeys/:id', [PasskeysController, 'update']).as('passkeys.update').where('id', router.matchers.number())
    router.get('/profile/passkeys/:id/remove', [PasskeysController, 'confirmRemove']).as('passkeys.confirm_remove').where('id', router.matchers.number())
    router.post('/profile/passkeys/:id/remove', [PasskeysController, 'destroy']).as('passkeys.destroy').where('id', router.matchers.number())
    router.get('/profile/devices', [DevicesController, 'index']).as('devices.index')
    router.post('/profile/devices/:handle/sign-out', [DevicesController, 'destroy']).as('devices.destroy').where('handle', /^[0-9a-f]{24}$/)
  })
  .use(middleware.auth())

if (app.inDev) {
  router.get('/dev/sms', [DevSmsController, 'index']).as('dev.sms')
}
