/*
 * Edge globals shared by every template.
 */
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { assetUrl } from '#core/http/assets'

edge.global('asset', assetUrl)
edge.global('appName', '四川乡村振兴科技在线')
edge.global('inDev', app.inDev)
// Pages rendered before the current-user middleware ran (an unknown URL's 404) have no viewer: no links.
edge.global('navigation', () => [])
