import type { HttpContext } from '@adonisjs/core/http'
import regionDirectory from '#core/regions/region_directory'

export default class RegionsController {
  /** `<option>`s of one city's counties, swapped into the region picker by htmx. */
  async counties({ params, view, response }: HttpContext) {
    const city = await regionDirectory.find(params.cityCode)
    if (!city || city.level !== 'city') return response.notFound()
    response.header('Cache-Control', 'public, max-age=86400')
    return view.render('components/region_picker/county_options', {
      counties: await regionDirectory.countiesOf(city.code),
      selected: null,
    })
  }
}
