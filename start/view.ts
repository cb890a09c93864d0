/*
 * Edge globals shared by every template.
 */
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { assetUrl } from '#core/http/assets'
import { describeDevice } from '#core/accounts/device_names'
import { fenToYuan } from '#core/money'
import { beijingTime } from '#core/clock'

/*
 * Edge's component tags plugin lists the components folders again for every render unless
 * the instance was created with the cache on — and the default instance never is (its
 * cache is configured after creation), so every page read the views folder from disk
 * (a readdir per render: 10 % of a guest page's CPU). With cached templates the folder
 * cannot change: list it once.
 */
if (app.inProduction) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let components: ReturnType<typeof listComponents> | undefined
  edge.loader.listComponents = () => (components ??= listComponents())
}

edge.global('asset', assetUrl)
edge.global('appName', '四川乡村振兴科技在线')
edge.global('inDev', app.inDev)
// Money is fen everywhere; templates print yuan (3550 → 35.50).
edge.global('yuan', fenToYuan)
// Times as a Beijing wall clock: beijingTime(at) → 2026-05-01 14:30, or with a luxon format.
edge.global('beijingTime', beijingTime)
// 我的登录设备: "Android · Chrome" from a session's user agent.
edge.global('describeDevice', describeDevice)
// Pages rendered before the current-user middleware ran (an unknown URL's 404) have no viewer: no links.
edge.global('navigation', () => [])
edge.global('navigationBadge', async () => 0)
