import type { HttpContext } from '@adonisjs/core/http'
import regionDirectory from '#core/regions/region_directory'
import { findNotice, listNotices } from '#modules/admin/evaluations/evaluation_queries'
import { noticeListValidator } from '#modules/admin/evaluations/validators'

/** 通报 on the public site: the list, newest first, and one notice with the centres, experts and 信息员 it names. */
export default class NoticesController {
  async index({ request, view }: HttpContext) {
    const { page } = await request.validateUsing(noticeListValidator, { data: request.qs() })
    const { paginator, notices } = await listNotices(page ?? 1)
    return view.render('admin/evaluations/pages/notices', { paginator, notices, names: await regionDirectory.fullNames(notices.map((notice) => notice.regionCode)) })
  }

  async show({ params, view, response }: HttpContext) {
    const notice = await findNotice(Number(params.id))
    if (!notice) return response.notFound()
    return view.render('admin/evaluations/pages/notice', { notice, regionName: await regionDirectory.fullName(notice.regionCode) })
  }
}
