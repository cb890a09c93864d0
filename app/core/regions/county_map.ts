import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { geoMercator, geoPath, geoArea } from 'd3-geo'
import type { GeoPermissibleObjects } from 'd3-geo'
import type { RegionScope } from '#core/regions/region_scope'

/**
 * The server-rendered county map of Sichuan (a schematic, 示意图: database/data/
 * sichuan-counties.geo.json, see shared/data/README.md). The projection is fitted once
 * and every county's SVG path computed once per process, in whole units of a
 * WIDTH-wide viewBox and as relative steps, so the whole map stays a few tens of KB
 * of HTML (under 20 KB gzip). Callers give data per county (a fill, a link, a title);
 * the map knows no module: `components/map/county_map.edge` draws what countyMap() returns.
 */

export const MAP_WIDTH = 1000

interface CountyGeometry {
  code: string
  name: string
  cityCode: string
  cityName: string
  d: string
}

interface GeoFeature {
  type: 'Feature'
  id?: string
  properties: { adcode: string; name: string; parent: string; parentName: string; center: [number, number] }
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: any }
}

/** What a caller says about one county. All optional: a county without an entry is drawn plain. */
export interface CountyMapEntry {
  /** Where the county links to (its list, its statistics page). No href: the shape is not a link. */
  href?: string
  /** The tooltip and accessible name (`<title>`); defaults to "成都市 锦江区". */
  title?: string
  /** A fill colour (from countLegend().fillOf) … */
  fill?: string
  /** … or a CSS class the page's own stylesheet colours. */
  fillClass?: string
}

export interface CountyShape extends CountyGeometry, CountyMapEntry {
  title: string
}

export interface CountyMapView {
  viewBox: string
  width: number
  height: number
  counties: CountyShape[]
}

/**
 * An SVG path context that writes whole-unit, relative coordinates ("M12 30l3 -1…z")
 * and drops steps that round to nothing: about a third of d3's absolute 3-digit output.
 */
class RoundedRelativePath {
  #out: string[] = []
  #x = 0
  #y = 0
  #ring: string[] = []

  moveTo(x: number, y: number) {
    this.#flushRing()
    this.#x = Math.round(x)
    this.#y = Math.round(y)
    this.#ring = [`M${this.#x} ${this.#y}`]
  }

  lineTo(x: number, y: number) {
    const rx = Math.round(x)
    const ry = Math.round(y)
    if (rx === this.#x && ry === this.#y) return
    this.#ring.push(`l${rx - this.#x} ${ry - this.#y}`)
    this.#x = rx
    this.#y = ry
  }

  closePath() {
    this.#ring.push('z')
    this.#flushRing()
  }

  arc() {}

  #flushRing() {
    // A ring that rounds to fewer than three distinct points draws nothing.
    if (this.#ring.filter((step) => step !== 'z').length >= 3) this.#out.push(this.#ring.join(''))
    this.#ring = []
  }

  result() {
    this.#flushRing()
    const d = this.#out.join('')
    this.#out = []
    return d
  }
}

/** d3-geo wants exterior rings clockwise (spherical); GeoJSON files often wind them the other way. */
function rewound(feature: GeoFeature): GeoFeature {
  if (geoArea(feature as GeoPermissibleObjects) <= 2 * Math.PI) return feature
  const reverseRings = (polygon: number[][][]) => polygon.map((ring) => [...ring].reverse())
  const coordinates =
    feature.geometry.type === 'Polygon'
      ? reverseRings(feature.geometry.coordinates)
      : feature.geometry.coordinates.map(reverseRings)
  return { ...feature, geometry: { ...feature.geometry, coordinates } }
}

let geometry: { width: number; height: number; counties: CountyGeometry[] } | undefined

function load() {
  if (geometry) return geometry
  const collection = JSON.parse(readFileSync(app.makePath('database/data/sichuan-counties.geo.json'), 'utf8')) as {
    features: GeoFeature[]
  }
  const features = collection.features.map(rewound)
  const fc = { type: 'FeatureCollection', features } as unknown as GeoPermissibleObjects
  const projection = geoMercator().fitWidth(MAP_WIDTH, fc as any)
  const context = new RoundedRelativePath()
  const path = geoPath(projection, context as any)
  const [, [, maxY]] = geoPath(projection).bounds(fc)
  const counties = features
    .map((feature) => {
      path(feature as GeoPermissibleObjects)
      return {
        code: feature.properties.adcode,
        name: feature.properties.name,
        cityCode: feature.properties.parent,
        cityName: feature.properties.parentName,
        d: context.result(),
      }
    })
    .sort((a, b) => a.code.localeCompare(b.code))
  geometry = { width: MAP_WIDTH, height: Math.ceil(maxY), counties }
  return geometry
}

/** The county codes the map draws (183). A page that takes a county code from the URL checks it here or in regions. */
export function mapCountyCodes(): string[] {
  return load().counties.map((county) => county.code)
}

/**
 * The map with the caller's data: every county, in code order, with its path, its
 * name and what `entries` says about it (keyed by 6-digit county code; unknown codes are ignored).
 */
export function countyMap(entries: Record<string, CountyMapEntry | undefined> = {}): CountyMapView {
  const { width, height, counties } = load()
  return {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    counties: counties.map((county) => {
      const entry = entries[county.code] ?? {}
      return { ...county, ...entry, title: entry.title ?? `${county.cityName} ${county.name}` }
    }),
  }
}

export interface LegendStep {
  /** Counts from min to max (both inclusive); the first step is 0 alone. */
  min: number
  max: number
  fill: string
}

export interface CountLegend {
  steps: LegendStep[]
  fillOf(count: number): string
}

/** Light grey for none, then five greens from light to the brand's dark. */
export const LEGEND_FILLS = ['#eef1ef', '#cfe8d7', '#9fd1ae', '#63b27f', '#2f8a4e', '#155c2b']

/**
 * A colour scale for counts per county (records, experts, cases): 0 has its own
 * grey, the rest splits 1…max into at most five steps of whole numbers (fewer when max
 * is small: max 3 gives 1, 2, 3). The steps are what the legend lists.
 */
export function countLegend(counts: Iterable<number>, maxSteps = LEGEND_FILLS.length - 1): CountLegend {
  let max = 0
  for (const count of counts) if (count > max) max = count
  const stepCount = Math.max(0, Math.min(maxSteps, LEGEND_FILLS.length - 1, max))
  const steps: LegendStep[] = [{ min: 0, max: 0, fill: LEGEND_FILLS[0] }]
  let previous = 0
  for (let i = 1; i <= stepCount; i++) {
    const upper = Math.ceil((max * i) / stepCount)
    if (upper <= previous) continue
    steps.push({ min: previous + 1, max: upper, fill: LEGEND_FILLS[i] })
    previous = upper
  }
  return {
    steps,
    fillOf(count: number) {
      if (!(count > 0)) return steps[0].fill
      return (steps.find((step) => count <= step.max) ?? steps[steps.length - 1]).fill
    },
  }
}

/**
 * The usual choropleth in one call: counts per county coloured by countLegend, each
 * county linking to `hrefOf(code)` with `titleOf(shape, count)` as its title. `scaleMax`
 * fixes the top of the scale (100 for a share in per cent) instead of the largest count.
 */
export function countyCountMap(
  counts: Record<string, number>,
  options: { hrefOf?: (code: string) => string | undefined; titleOf?: (county: CountyGeometry, count: number) => string; scaleMax?: number } = {}
): { map: CountyMapView; legend: CountLegend } {
  const values = Object.values(counts)
  const legend = countLegend(options.scaleMax === undefined ? values : [...values, options.scaleMax])
  const entries: Record<string, CountyMapEntry> = {}
  for (const county of load().counties) {
    const count = counts[county.code] ?? 0
    entries[county.code] = {
      fill: legend.fillOf(count),
      href: options.hrefOf?.(county.code),
      title: options.titleOf?.(county, count),
    }
  }
  return { map: countyMap(entries), legend }
}

/** A paler grey than "none": the counties outside the region a page is about. */
export const OUTSIDE_FILL = '#f7f8f7'

/**
 * A map of one city's or county's figures drawn on the whole province: the counties
 * outside `scope` stay pale, unlinked and named without figures (the province: no change).
 */
export function paleOutside(map: CountyMapView, scope: RegionScope): CountyMapView {
  if (scope.level === 'province') return map
  for (const county of map.counties) {
    if (scope.contains(county.code)) continue
    county.fill = OUTSIDE_FILL
    county.href = undefined
    county.title = `${county.cityName} ${county.name}`
  }
  return map
}
