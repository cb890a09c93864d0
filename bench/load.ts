/*
 * `npm run bench:load` (after `npm run bench:setup`): throughput of the main pages at
 * plan scale (issue 19). The application's HTTP server runs in this process, as in
 * `npm run bench`; autocannon drives it from a worker thread, signed in as the busiest
 * generated user of each page's role, at 1, 16 and 64 connections, and prints req/s
 * with p50/p97.5/p99 latency per page. In the same run a bare Node `http` server answers
 * the guest home page's own bytes (headers and gzip body as the app sent them), so the
 * figures can be read as a share of what Node itself can do on this machine. Exits
 * non-zero when any page answers an error.
 *
 * Flags: --duration 10 (seconds per cell), --connections 1,16,64, --only "<name>,<name>".
 *
 * `--soak 30` (issue 19 §4) instead drives every page at once, their requests interleaved,
 * for that many minutes at the first connection count, and samples the process's memory
 * every 30 s; heap snapshots after the first minute and at the end (tmp/soak-*.heapsnapshot)
 * are compared by constructor to name what grew. Pass/fail: RSS at the end within 15 % of
 * RSS after the first minute.
 */
import { createServer, get } from 'node:http'
import { mkdirSync, readFileSync } from 'node:fs'
import { writeHeapSnapshot } from 'node:v8'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { startBenchDatabase } from './database.js'
import { bootApp } from './app.js'
import type { BenchPage } from './pages.js'
import { heapGrowth } from './heap_summary.js'

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,16,64' },
    only: { type: 'string' },
    soak: { type: 'string' },
  },
})
const soakMinutes = Number(flags.soak) || 0
const duration = Math.max(1, Number(flags.duration) || 10)
const connectionCounts = flags.connections.split(',').map(Number).filter((n) => n > 0)

/** The pages of issue 19's table, by their names in bench/page_list.ts and bench/modules/*.ts, plus 找类似 as the form posts it. */
const MAIN_PAGES = [
  'home (guest)',
  '找专家 filtered (htmx)',
  '我的需求',
  'case page (reporter)',
  '分诊台',
  '服务统计 (county staff)',
  '农技知识库 list (guest)',
  '产业信息',
  '供销对接',
  '成果转化',
]
const SIMILAR_POST = '找类似 (htmx POST)'
const SIMILAR_TEXTS = ['水稻叶子上有褐色梭形病斑', '猪不吃食发烧耳朵发紫', '茶树嫩叶发红卷曲有小虫', '柑橘叶片黄化', '辣椒苗叶片卷曲背面有白色小飞虫']
/** Distinct requests per page: autocannon cycles through them on each connection. */
const VARIANTS = 20

const database = await startBenchDatabase()
const booted = await bootApp(database.url, { http: true })
const { pages } = await import('./page_list.js')
const { Browser, pageContexts, pathOf, userFor } = await import('./session.js')

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
const only = flags.only?.split(',').map((name) => name.trim())
const wanted = only ?? [...MAIN_PAGES, SIMILAR_POST]

interface Target {
  name: string
  requests: { method: string; path: string; headers: Record<string, string>; body?: string }[]
}

/** A page's requests as the signed-in browser would send them (its cookies, gzip, htmx). */
async function targetOf(page: BenchPage): Promise<Target> {
  const user = await userFor(page)
  const browser = new Browser(booted.url)
  if (user) await browser.login(user.phone)
  const context = pageContexts(user)
  const requests = []
  for (let iteration = 0; iteration < VARIANTS; iteration++) {
    const path = await pathOf(page, context, iteration)
    // One request through the browser first: it takes the cookies the app sets (session, XSRF).
    if (iteration === 0) await (await browser.request(path, { htmx: page.htmx })).arrayBuffer()
    const headers: Record<string, string> = { 'cookie': browser.cookieHeader, 'accept': 'text/html', 'accept-encoding': 'gzip' }
    if (page.htmx) headers['hx-request'] = 'true'
    requests.push({ method: 'GET', path, headers })
  }
  return { name: page.name, requests }
}

/** 找类似 as the 报需求 form sends it while the user types: an htmx POST with the form's CSRF token. */
async function similarPost(): Promise<Target> {
  const page = pages.find((candidate) => candidate.name === '报需求 form')
  if (!page) throw new Error('no "报需求 form" page in the bench lists')
  const user = (await userFor(page))!
  const browser = new Browser(booted.url)
  await browser.login(user.phone)
  const form = await (await browser.request('/consultations/new')).text()
  const csrf = /name=["']_csrf["'] value=["']([^"']+)["']/.exec(form)?.[1]
  if (!csrf) throw new Error('no CSRF token on /consultations/new')
  const headers = {
    'cookie': browser.cookieHeader,
    'accept': 'text/html',
    'accept-encoding': 'gzip',
    'hx-request': 'true',
    'content-type': 'application/x-www-form-urlencoded',
  }
  return {
    name: SIMILAR_POST,
    requests: SIMILAR_TEXTS.map((text) => ({ method: 'POST', path: '/consultations/similar', headers, body: new URLSearchParams({ _csrf: csrf, text }).toString() })),
  }
}

/** The guest home page's bytes as the app sent them (gzip), served by bare Node: the ceiling of this machine and Node version. */
async function bareNode(): Promise<{ url: string; close: () => void }> {
  const { headers: sent, body } = await new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    get(`${booted.url}/`, { headers: { 'accept-encoding': 'gzip', 'accept': 'text/html' } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ headers: response.headers as Record<string, string>, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    }).on('error', reject)
  })
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(sent)) if (!['set-cookie', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(name)) headers[name] = value
  headers['content-length'] = String(body.length)
  const server = createServer((_request, reply) => {
    reply.writeHead(200, headers)
    reply.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}

const rows: Record<string, Record<string, string | number>> = {}
const failures: string[] = []
const homeRates = new Map<number, number>()

async function run(name: string, url: string, requests: Target['requests'] | undefined) {
  for (const connections of connectionCounts) {
    const result = await autocannon({ url, connections, duration, workers: 1, requests })
    const rate = Math.round(result.requests.average)
    if (name === 'home (guest)') homeRates.set(connections, rate)
    const bad = result.non2xx + result.errors + result.timeouts
    rows[`${name} · ${connections}`] = {
      'req/s': rate,
      p50: result.latency.p50,
      'p97.5': result.latency.p97_5,
      p99: result.latency.p99,
      errors: bad,
      ...(name === 'bare Node (home bytes)' && homeRates.get(connections) ? { 'home share': `${((homeRates.get(connections)! / rate) * 100).toFixed(1)} %` } : {}),
    }
    console.log(`${name} at ${connections}: ${rate} req/s, p99 ${result.latency.p99} ms${bad ? ` ✗ ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts` : ''}`)
    if (bad) failures.push(`${name} at ${connections} connections: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`)
  }
}

/** Each page alone at each connection count, then bare Node serving the home page's bytes. */
async function measure(targets: Target[]) {
  for (const target of targets) await run(target.name, booted.url, target.requests)
  const bare = await bareNode()
  try {
    await run('bare Node (home bytes)', bare.url, undefined)
  } finally {
    bare.close()
  }
  console.log(`\nreq/s and latency in ms (load average ${load()}):`)
  console.table(rows)
  if (failures.length) {
    console.error(`\n${failures.length} cells answered errors:\n${failures.map((line) => `  ✗ ${line}`).join('\n')}`)
    process.exitCode = 1
  }
}

/** All pages at once for soakMinutes; memory sampled in this process, which is the app's (autocannon runs in a worker thread, its heap apart). */
async function soak(targets: Target[]) {
  const requests = targets.flatMap((target) => target.requests.map((request, index) => ({ request, index }))).sort((a, b) => a.index - b.index).map(({ request }) => request)
  const connections = connectionCounts[0]
  mkdirSync(`${APP_TMP}`, { recursive: true })
  const samples: Record<string, number | string>[] = []
  const started = Date.now()
  let firstMinute = null as { rss: number; path: string } | null
  const sample = () => {
    const memory = process.memoryUsage()
    samples.push({ minute: ((Date.now() - started) / 60_000).toFixed(1), 'RSS MB': mb(memory.rss), 'heap MB': mb(memory.heapUsed), 'external MB': mb(memory.external), load: load() })
    if (!firstMinute && Date.now() - started >= 60_000) {
      firstMinute = { rss: memory.rss, path: writeHeapSnapshot(`${APP_TMP}soak-start.heapsnapshot`) }
    }
  }
  const timer = setInterval(sample, 30_000)
  console.log(`soak: ${targets.length} pages, ${requests.length} distinct requests, ${connections} connections, ${soakMinutes} min`)
  const result = await autocannon({ url: booted.url, connections, duration: soakMinutes * 60, workers: 1, requests })
  clearInterval(timer)
  global.gc?.()
  const end = process.memoryUsage()
  const endPath = writeHeapSnapshot(`${APP_TMP}soak-end.heapsnapshot`)
  sample()
  console.table(samples)
  const bad = result.non2xx + result.errors + result.timeouts
  console.log(`${Math.round(result.requests.average)} req/s on average, ${result.requests.total} requests, p99 ${result.latency.p99} ms, ${bad} errors`)
  if (firstMinute) {
    const growth = end.rss / firstMinute.rss - 1
    console.log(`RSS after the first minute ${mb(firstMinute.rss)} MB, at the end ${mb(end.rss)} MB: ${(growth * 100).toFixed(1)} % (target ≤ 15 %)`)
    console.log('\nwhat grew in the heap, by constructor:')
    console.table(await heapGrowth(firstMinute.path, endPath))
    if (growth > 0.15) process.exitCode = 1
  }
  if (bad) process.exitCode = 1
}

const APP_TMP = new URL('../tmp/', import.meta.url).pathname
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

console.log(`bench:load — ${duration} s per cell at ${connectionCounts.join('/')} connections; load average ${load()}`)
try {
  const targets: Target[] = []
  for (const name of wanted) {
    if (name === SIMILAR_POST) {
      targets.push(await similarPost())
      continue
    }
    const page = pages.find((candidate) => candidate.name === name)
    if (!page) {
      console.log(`(no bench page named "${name}": skipped)`)
      continue
    }
    targets.push(await targetOf(page))
  }
  if (soakMinutes) await soak(targets)
  else await measure(targets)
} finally {
  await booted.stop()
  await database.stop()
}
