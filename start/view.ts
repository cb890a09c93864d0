/*
 * Edge globals shared by every template.
 */
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { assetUrl } from '#core/http/assets'
import { fenToYuan } from '#core/money'
import { beijingTime } from '#core/clock'

edge.global('asset', assetUrl)
edge.global('appName', '四川乡村振兴科技在线')
edge.global('inDev', app.inDev)
// Money is fen everywhere; templates print yuan (3550 → 35.50).
edge.global('yuan', fenToYuan)
// Times as a Beijing wall clock: beijingTime(at) → 2026-05-01 14:30, or with a luxon format.
edge.global('beijingTime', beijingTime)
// Pages rendered before the current-user middleware ran (an unknown URL's 404) have no viewer: no links.
edge.global('navigation', () => [])
edge.global('navigationBadge', async () => 0)
