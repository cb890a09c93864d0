import type { HttpContext } from '@adonisjs/core/http'
import Industry from '#core/industries/industry'
import regionDirectory from '#core/regions/region_directory'
import { findPublicCase } from '#modules/experts/similar/solved_cases'

/** GET /cases/:documentId — a solved case that 找类似 offered: question and answer, for anyone. */
export default class SolvedCasesController {
  async show({ params, view, response }: HttpContext) {
    const solved = await findPublicCase(Number(params.documentId))
    if (!solved) return response.notFound(await view.render('errors/not_found'))
    const industry = solved.industryCode ? await Industry.find(solved.industryCode) : null
    return view.render('experts/similar/pages/solved_case', {
      solved,
      industryName: industry?.name ?? null,
      countyName: await regionDirectory.fullName(solved.countyCode),
    })
  }
}
