import Region from '#core/regions/region'

/**
 * The 204 Sichuan divisions never change while the app runs: read them once and
 * answer pickers and name look-ups from memory.
 */
class RegionDirectory {
  #loading?: Promise<Map<string, Region>>

  #all() {
    this.#loading ??= Region.query()
      .orderBy('code')
      .then((rows) => new Map(rows.map((region) => [region.code, region])))
    return this.#loading
  }

  async find(code: string | null | undefined): Promise<Region | undefined> {
    return code ? (await this.#all()).get(code) : undefined
  }

  async cities(): Promise<Region[]> {
    return [...(await this.#all()).values()].filter((region) => region.level === 'city')
  }

  async countiesOf(cityCode: string): Promise<Region[]> {
    return [...(await this.#all()).values()].filter((region) => region.parentCode === cityCode && region.level === 'county')
  }

  /** Cities with their counties, for the no-JavaScript county select (optgroups). */
  async tree(): Promise<{ city: Region; counties: Region[] }[]> {
    const cities = await this.cities()
    return Promise.all(cities.map(async (city) => ({ city, counties: await this.countiesOf(city.code) })))
  }

  /** "成都市 锦江区" for a county, "成都市" for a city, "四川省" for the province. */
  /** "成都市 大邑县" for each code, for lists (each code once). */
  async fullNames(codes: (string | null | undefined)[]): Promise<Record<string, string>> {
    const unique = [...new Set(codes.filter((code): code is string => !!code))]
    return Object.fromEntries(await Promise.all(unique.map(async (code) => [code, await this.fullName(code)])))
  }

  async fullName(code: string | null | undefined): Promise<string> {
    const region = await this.find(code)
    if (!region) return ''
    if (region.level !== 'county') return region.name
    const city = await this.find(region.parentCode)
    return `${city?.name ?? ''} ${region.name}`
  }
}

export default new RegionDirectory()
