import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import edge from 'edge.js'
import i18nManager from '@adonisjs/i18n/services/main'
import { countyMap, countLegend, countyCountMap, mapCountyCodes, LEGEND_FILLS, OUTSIDE_FILL, paleOutside } from '#core/regions/county_map'
import { RegionScope } from '#core/regions/region_scope'

async function render(state: Record<string, unknown>) {
  const i18n = i18nManager.locale('zh-CN')
  return edge.render('components/map/county_map', { ...state, t: i18n.t.bind(i18n) })
}

test.group('County map', () => {
  test('183 counties, each with a path inside the fitted view box, computed once', ({ assert }) => {
    const first = countyMap()
    assert.lengthOf(first.counties, 183)
    assert.lengthOf(mapCountyCodes(), 183)
    assert.equal(first.width, 1000)
    assert.isAbove(first.height, 500)
    assert.isBelow(first.height, 1200)
    for (const county of first.counties) {
      assert.match(county.d, /^M\d+ \d+l/, county.code)
      const [x, y] = county.d.slice(1).split(/[ l]/).map(Number)
      assert.isAtMost(x, first.width, county.code)
      assert.isAtMost(y, first.height, county.code)
    }
    const jinjiang = first.counties.find((county) => county.code === '510104')!
    assert.equal(jinjiang.title, '成都市 锦江区')
    assert.strictEqual(countyMap().counties[0].d, first.counties[0].d)
  })

  test('entries give fills, links and titles to their counties only', ({ assert }) => {
    const view = countyMap({ '510104': { href: '/x/510104', title: '锦江区 3', fill: '#123456' }, '999999': { href: '/nowhere' } })
    const jinjiang = view.counties.find((county) => county.code === '510104')!
    assert.equal(jinjiang.href, '/x/510104')
    assert.equal(jinjiang.title, '锦江区 3')
    assert.equal(jinjiang.fill, '#123456')
    assert.isUndefined(view.counties.find((county) => county.code === '510105')!.href)
    assert.notInclude(JSON.stringify(view), '/nowhere')
  })

  test('the count legend: 0 alone, then at most five whole-number steps up to the maximum', ({ assert }) => {
    const small = countLegend([0, 1, 3])
    assert.deepEqual(small.steps.map((step) => [step.min, step.max]), [[0, 0], [1, 1], [2, 2], [3, 3]])
    const big = countLegend([0, 7, 100])
    assert.deepEqual(big.steps.map((step) => [step.min, step.max]), [[0, 0], [1, 20], [21, 40], [41, 60], [61, 80], [81, 100]])
    assert.equal(big.fillOf(0), LEGEND_FILLS[0])
    assert.equal(big.fillOf(20), LEGEND_FILLS[1])
    assert.equal(big.fillOf(21), LEGEND_FILLS[2])
    assert.equal(big.fillOf(100), LEGEND_FILLS[5])
    assert.equal(big.fillOf(500), LEGEND_FILLS[5], 'a count above the maximum takes the darkest')
    assert.deepEqual(countLegend([]).steps.map((step) => step.max), [0])
  })

  test('the component: every county a link with its title, labelled 示意图, small over the wire', async ({ assert }) => {
    const counts: Record<string, number> = { '510104': 10, '510105': 1 }
    const { map, legend } = countyCountMap(counts, {
      hrefOf: (code) => `/list?county=${code}`,
      titleOf: (county, count) => `${county.cityName} ${county.name}：${count}`,
    })
    const html = await render({ map, legend })
    assert.equal(html.match(/<a href="\/list\?county=\d{6}">/g)?.length, 183)
    assert.equal(html.match(/<title>/g)?.length, 183)
    assert.include(html, '<title>成都市 锦江区：10</title>')
    assert.include(html, '示意图')
    assert.include(html, `fill="${legend.fillOf(10)}"`)
    assert.include(html, '1–2', 'the legend lists its steps')
    assert.notInclude(html, 'style=', 'no inline styles (CSP)')
    const gzipKb = gzipSync(html).length / 1024
    console.log(`county map: ${(html.length / 1024).toFixed(1)} KB, ${gzipKb.toFixed(1)} KB gzip`)
    assert.isBelow(gzipKb, 30, `map is ${gzipKb.toFixed(1)} KB gzip`)
  })

  test('without hrefs the counties are titled shapes, not links', async ({ assert }) => {
    const html = await render({ map: countyMap() })
    assert.notInclude(html, '<a ')
    assert.equal(html.match(/<title>/g)?.length, 183)
    assert.notInclude(html, 'county-map-legend')
  })

  test('a fixed top for shares (scaleMax 100), and one city drawn on the province with the rest pale', ({ assert }) => {
    const { map, legend } = countyCountMap({ '510104': 100, '510129': 33 }, { scaleMax: 100, hrefOf: (code) => `/x/${code}`, titleOf: (_, share) => `${share}%` })
    assert.deepEqual(legend.steps.map((step) => [step.min, step.max]), [[0, 0], [1, 20], [21, 40], [41, 60], [61, 80], [81, 100]])
    assert.equal(map.counties.find((county) => county.code === '510129')!.fill, LEGEND_FILLS[2])
    paleOutside(map, RegionScope.fromPrefix('5101'))
    const linshui = map.counties.find((county) => county.code === '511623')!
    assert.deepEqual([linshui.fill, linshui.href, linshui.title], [OUTSIDE_FILL, undefined, '广安市 邻水县'])
    const dayi = map.counties.find((county) => county.code === '510129')!
    assert.deepEqual([dayi.href, dayi.title], ['/x/510129', '33%'])
    assert.strictEqual(paleOutside(map, RegionScope.province), map)
  })
})
