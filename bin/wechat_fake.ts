/*
 * `npm run wechat:fake`: the test suite's fake of WeChat's OAuth 2.0 (网站应用) on
 * 127.0.0.1:3399 (WECHAT_FAKE_PORT), for trying 微信登录 in development without WeChat.
 * Every scan is the same WeChat user (微信用户, openid o_fake_openid_1): the first login asks
 * for a phone and its SMS code and links the two; later ones sign straight in. Start the app
 * with the lines this prints (README, demo walk-through).
 */
import { FAKE_APP_ID, FAKE_APP_SECRET, startFakeWechat } from '../tests/fixtures/core/wechat_oauth_server.js'

const fake = await startFakeWechat(Number(process.env.WECHAT_FAKE_PORT ?? 3399))
console.log(`fake WeChat OAuth on ${fake.url}; start the app with:`)
console.log(`WECHAT_APP_ID=${FAKE_APP_ID} WECHAT_APP_SECRET=${FAKE_APP_SECRET} WECHAT_OAUTH_BASE=${fake.url} WECHAT_API_BASE=${fake.url} npm run dev`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void fake.close().then(() => process.exit(0)))
