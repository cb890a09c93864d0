/*
 * Environment variables, validated at boot. See README "Configuration".
 */
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  APP_KEY: Env.schema.secret(),
  // 身份证 and bank card numbers (config/encryption.ts `payment`): a key apart from APP_KEY, ≥ 32 characters; required in production.
  PAYMENT_DATA_KEY: Env.schema.secret.optionalWhen(() => process.env.NODE_ENV !== 'production'),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  HOST: Env.schema.string({ format: 'host' }),
  LOG_LEVEL: Env.schema.string(),
  // Sessions (config/session.ts): `database` (Postgres, table sessions); `memory` for tests only.
  SESSION_DRIVER: Env.schema.enum(['database', 'memory'] as const),
  DATABASE_URL: Env.schema.string(),
  // A streaming replica for staleness-tolerant reads (config/database.ts); unset: everything on DATABASE_URL.
  DATABASE_REPLICA_URL: Env.schema.string.optional(),
  // Prometheus (app/core/metrics): a bearer token for /metrics (unset: direct loopback requests
  // only), and the port on which `node ace jobs:work` answers its own metrics (unset: none).
  METRICS_TOKEN: Env.schema.secret.optional(),
  METRICS_PORT: Env.schema.number.optional(),
  SMS_DRIVER: Env.schema.enum(['log', 'tencent'] as const),

  // SMS (app/core/sms, README "SMS"): the signature and the login code's template id; a module's
  // templates are checked when it registers them (registerSmsTemplates).
  SMS_SIGN_NAME: Env.schema.string.optional(),
  SMS_DAILY_CAP_PER_PHONE: Env.schema.number.optional(),
  SMS_TEMPLATE_VERIFICATION_CODE: Env.schema.string.optionalWhen(() => process.env.SMS_DRIVER !== 'tencent'),
  SMS_TENCENT_SECRET_ID: Env.schema.string.optionalWhen(() => process.env.SMS_DRIVER !== 'tencent'),
  SMS_TENCENT_SECRET_KEY: Env.schema.secret.optionalWhen(() => process.env.SMS_DRIVER !== 'tencent'),
  SMS_TENCENT_APP_ID: Env.schema.string.optionalWhen(() => process.env.SMS_DRIVER !== 'tencent'),
  SMS_TENCENT_REGION: Env.schema.string.optional(),
  SMS_TENCENT_ENDPOINT: Env.schema.string.optional({ format: 'url', tld: false }),

  // Media storage (config/drive.ts): the local disk by default, an S3-compatible bucket for several instances.
  DRIVE_DISK: Env.schema.enum.optional(['local', 's3'] as const),
  DRIVE_ROOT: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_PATH_STYLE: Env.schema.boolean.optional(),
  S3_BUCKET: Env.schema.string.optionalWhen(() => process.env.DRIVE_DISK !== 's3'),
  S3_ACCESS_KEY_ID: Env.schema.string.optionalWhen(() => process.env.DRIVE_DISK !== 's3'),
  S3_SECRET_ACCESS_KEY: Env.schema.string.optionalWhen(() => process.env.DRIVE_DISK !== 's3'),

  // 微信登录 (app/core/accounts/wechat_config.ts, README "WeChat login"): the 网站应用's AppID and
  // AppSecret from WeChat's open platform; without an AppID WeChat login is off and its button
  // hidden. The two bases default to WeChat's own hosts; the tests point them at a local fake.
  WECHAT_APP_ID: (key: string, value?: string): string | undefined => {
    if (!value) return undefined
    if (!/^wx[0-9a-zA-Z]{16}$/.test(value)) throw new Error(`Invalid value for "${key}": a 网站应用 AppID is wx followed by 16 letters or digits`)
    return value
  },
  WECHAT_APP_SECRET: Env.schema.secret.optionalWhen(() => !process.env.WECHAT_APP_ID),
  WECHAT_OAUTH_BASE: Env.schema.string.optional({ format: 'url', tld: false }),
  WECHAT_API_BASE: Env.schema.string.optional({ format: 'url', tld: false }),
})
