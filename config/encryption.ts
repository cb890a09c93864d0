import env from '#start/env'
import { defineConfig, drivers } from '@adonisjs/core/encryption'

/*
 * `payment` seals 身份证 and bank card numbers (admin subsidies) with a key of its own, so
 * the app key (sessions, signed URLs) never opens them and each can be rotated alone.
 * Production must set PAYMENT_DATA_KEY; development and tests use the fixed key below
 * (not a secret: data sealed with it is test data).
 */
const DEV_PAYMENT_DATA_KEY = 'dev-payment-data-key-not-secret-000'
const paymentKey = env.get('PAYMENT_DATA_KEY')?.release() ?? (env.get('NODE_ENV') === 'production' ? undefined : DEV_PAYMENT_DATA_KEY)
if (!paymentKey) throw new Error('PAYMENT_DATA_KEY is required in production (see .env.example)')

export default defineConfig({
  default: 'gcm',
  list: {
    gcm: drivers.aes256gcm({ id: 'gcm', keys: [env.get('APP_KEY').release()] }),
    payment: drivers.aes256gcm({ id: 'payment', keys: [paymentKey] }),
  },
})
