import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const StatisticsController = () => import('#modules/experts/statistics/statistics_controller')

/* The expert service's figures for centre staff, in the management area. */
router.get('/admin/experts/statistics', [StatisticsController, 'show']).as('experts.statistics.show').use(middleware.auth())
