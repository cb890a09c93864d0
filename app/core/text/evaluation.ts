import { readFileSync } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { importCases } from '#core/text/cases_import'
import { suggestIndustry } from '#core/text/industry_suggester'
import { MIN_SCORE, similar } from '#core/text/documents'
import { lexicon } from '#core/text/lexicon'
import { tokenize, type Segmenter } from '#core/text/segmenter'

/**
 * Recall@k and MRR of 找类似 on the labelled set: each item of eval.jsonl should find
 * its cluster's solved case (cases.jsonl) among the top k. The clusters are split into
 * a development part (tune on it) and a held-out part (never looked at while tuning),
 * by a seeded hash of the cluster name (split.json), so the split never moves when
 * clusters are added. Runs inside a transaction that is rolled back, so the real index
 * is never touched.
 */
export interface EvalScores {
  items: number
  recallAt1: number
  recallAt3: number
  recallAt5: number
  mrr: number
  /** Share of items for which the top suggestion clears MIN_SCORE (something is shown) */
  shown: number
  /** Of those, the share whose top suggestion is the same problem */
  precision: number
  p50Ms: number
  p95Ms: number
}

export interface PartScores extends EvalScores {
  byIndustry: Record<string, EvalScores>
}

export interface EvalReport {
  development: PartScores
  heldOut: PartScores
  all: EvalScores
  /** The first ORIGINAL_ITEMS items, the set before the split (comparable with earlier figures) */
  original: EvalScores
  /** Held-out items written with the split (issue 14): no earlier tuning ever saw them */
  heldOutNew: EvalScores
}

/**
 * eval.jsonl's first lines are the set the engine was tuned on before the split
 * (282 items, 70 clusters); items after them were written for issue 14, held-out ones
 * before any tuning.
 */
export const ORIGINAL_ITEMS = 282

export type Part = 'development' | 'heldOut'

interface Labelled {
  cluster: string
  industry: string
  text: string
}

export interface Split {
  seed: string
  /** A cluster is held out when its hash, modulo 1000, is below this */
  heldOutPerMille: number
}

/** FNV-1a over the UTF-8 bytes: stable across platforms and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

export function partOf(cluster: string, split: Split): Part {
  return fnv1a(`${split.seed}:${cluster}`) % 1000 < split.heldOutPerMille ? 'heldOut' : 'development'
}

export function readSplit(path: string): Split {
  const value = JSON.parse(readFileSync(path, 'utf8'))
  if (typeof value.seed !== 'string' || !Number.isInteger(value.heldOutPerMille)) {
    throw new Error(`${path}: expected {"seed": string, "heldOutPerMille": integer}`)
  }
  return { seed: value.seed, heldOutPerMille: value.heldOutPerMille }
}

const round = (value: number) => Math.round(value * 1000) / 1000

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

export interface EvalVariant {
  segmenter?: Segmenter
  /** Pass the item's labelled industry as a filter boost (a form pre-fills it). */
  useIndustry?: boolean
  /**
   * Rank the fixture cases among every document the database holds (the benchmark's
   * harder figure at plan scale) instead of among themselves. A generated document
   * labelled with a problem (tag 'problem:<cluster>') counts as a hit for that cluster.
   */
  everything?: boolean
}

/** One item's outcome: the rank of the first same-problem case (0: none in the top 10) and the top score. */
interface Outcome {
  industry: string
  part: Part
  /** Line of eval.jsonl (1-based): lines up to ORIGINAL_ITEMS are the set earlier tuning saw */
  line: number
  text: string
  cluster: string
  /** cluster (or generated problem) of the top suggestion */
  top: string | null
  rank: number
  topScore: number
  ms: number
}

function summarise(outcomes: Outcome[], threshold: number): EvalScores {
  const n = outcomes.length || 1
  const share = (k: number) => round(outcomes.filter((o) => o.rank >= 1 && o.rank <= k).length / n)
  const shown = outcomes.filter((o) => o.topScore > 0 && o.topScore >= threshold)
  const timings = outcomes.map((o) => o.ms).sort((a, b) => a - b)
  return {
    items: outcomes.length,
    recallAt1: share(1),
    recallAt3: share(3),
    recallAt5: share(5),
    mrr: round(outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n),
    shown: round(shown.length / n),
    precision: round(shown.filter((o) => o.rank === 1).length / (shown.length || 1)),
    p50Ms: round(timings[Math.floor(timings.length / 2)] ?? 0),
    p95Ms: round(timings[Math.floor(timings.length * 0.95)] ?? 0),
  }
}

function part(outcomes: Outcome[], threshold: number): PartScores {
  const industries = [...new Set(outcomes.map((o) => o.industry))].sort()
  return {
    ...summarise(outcomes, threshold),
    byIndustry: Object.fromEntries(industries.map((code) => [code, summarise(outcomes.filter((o) => o.industry === code), threshold)])),
  }
}

async function problemsOf(trx: TransactionClientContract, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = (
    await trx.rawQuery(
      `SELECT id, industry_code || ':' || substr(t, 9) AS problem FROM text_documents, unnest(tags) t WHERE id = ANY(?::bigint[]) AND t LIKE 'problem:%'`,
      [ids]
    )
  ).rows
  return new Map(rows.map((row: any) => [Number(row.id), row.problem]))
}

/**
 * The problem each fixture case is about, as the generator labels its cases: the first
 * disease or pest the expert's answer names ("这是稻瘟病…" → 稻瘟病). Clusters whose answer
 * names none (a machine fault, a processing step) count only their own case. A generated
 * case must be of the cluster's industry too (industry:problem).
 */
function clusterProblems(cases: { cluster: string; industry: string; answer?: string }[]): Map<string, string> {
  const { terms } = lexicon()
  const problems = new Map<string, string>()
  for (const solved of cases) {
    const token = tokenize(solved.answer ?? '').find((word) => ['disease', 'pest'].includes(terms.get(word)?.category ?? ''))
    if (token) problems.set(solved.cluster, `${solved.industry}:${token}`)
  }
  return problems
}

/** Every item's outcome, scored with minScore 0 (the threshold is applied afterwards). */
export async function outcomesOf(
  trx: TransactionClientContract,
  evalPath: string,
  casesContent: string,
  caseIds: number[],
  split: Split,
  options: EvalVariant = {}
): Promise<Outcome[]> {
  const cases = casesContent.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Labelled & { answer?: string })
  const clusterOf = new Map(caseIds.map((id, index) => [id, cases[index].cluster]))
  const problemOf = options.everything ? clusterProblems(cases) : new Map<string, string>()
  const outcomes: Outcome[] = []
  for (const [index, item] of jsonl<Labelled>(evalPath).entries()) {
    const started = performance.now()
    const found = await similar(item.text, {
      limit: 10,
      client: trx,
      segmenter: options.segmenter,
      minScore: 0,
      industry: options.useIndustry ? item.industry : null,
      ids: options.everything ? undefined : caseIds,
    })
    const ms = performance.now() - started
    const generated = options.everything ? await problemsOf(trx, found.filter((doc) => !clusterOf.has(doc.id)).map((doc) => doc.id)) : new Map()
    const problem = problemOf.get(item.cluster)
    const rank = found.findIndex((doc) => clusterOf.get(doc.id) === item.cluster || (problem !== undefined && generated.get(doc.id) === problem)) + 1
    outcomes.push({ industry: item.industry, part: partOf(item.cluster, split), line: index + 1, text: item.text, cluster: item.cluster, top: found[0] ? (clusterOf.get(found[0].id) ?? generated.get(found[0].id) ?? null) : null, rank, topScore: found[0]?.score ?? 0, ms })
  }
  return outcomes
}

export function report(outcomes: Outcome[], threshold = MIN_SCORE): EvalReport {
  return {
    development: part(outcomes.filter((o) => o.part === 'development'), threshold),
    heldOut: part(outcomes.filter((o) => o.part === 'heldOut'), threshold),
    all: summarise(outcomes, threshold),
    original: summarise(outcomes.filter((o) => o.line <= ORIGINAL_ITEMS), threshold),
    heldOutNew: summarise(outcomes.filter((o) => o.part === 'heldOut' && o.line > ORIGINAL_ITEMS), threshold),
  }
}

/**
 * Precision and coverage of the top suggestion at each threshold, to choose MIN_SCORE
 * (on the development part only).
 */
export function thresholdCurve(outcomes: Outcome[], thresholds: number[]) {
  return thresholds.map((threshold) => ({ threshold, ...summarise(outcomes, threshold) }))
}

/**
 * Industry suggestion on the labelled set: accuracy is top-1 over all items (a null
 * suggestion counts as wrong), coverage the share that gets a suggestion at all.
 * Pure Node: needs no database.
 */
export interface IndustryScores {
  items: number
  accuracy: number
  coverage: number
}

export function scoreIndustrySuggestion(evalPath: string): IndustryScores {
  const items = jsonl<Labelled>(evalPath)
  let right = 0
  let suggested = 0
  for (const item of items) {
    const { industry } = suggestIndustry(item.text)
    if (industry !== null) suggested++
    if (industry === item.industry) right++
  }
  const n = items.length
  return { items: n, accuracy: round(right / n), coverage: round(suggested / n) }
}

export interface EvalPaths {
  cases: string
  eval: string
  split: string
}

/**
 * Imports the fixture cases into a transaction, scores every variant, rolls back.
 * similar() is restricted to the fixture's document ids, so the figures do not
 * depend on what else the database holds — and no other row is touched, which at
 * a million cases would be a table rewrite.
 */
export async function evaluateOutcomes(paths: EvalPaths, variants: Record<string, EvalVariant>): Promise<Record<string, Outcome[]>> {
  const split = readSplit(paths.split)
  const trx = await db.transaction()
  try {
    const content = readFileSync(paths.cases, 'utf8')
    const { ids, problems } = await importCases(content, trx)
    if (problems.length) throw new Error(`cases fixture has bad lines: ${JSON.stringify(problems)}`)
    const outcomes: Record<string, Outcome[]> = {}
    for (const [name, variant] of Object.entries(variants)) {
      outcomes[name] = await outcomesOf(trx, paths.eval, content, ids, split, variant)
    }
    return outcomes
  } finally {
    await trx.rollback()
  }
}

export async function evaluate(paths: EvalPaths, variants: Record<string, EvalVariant>): Promise<Record<string, EvalReport>> {
  const outcomes = await evaluateOutcomes(paths, variants)
  return Object.fromEntries(Object.entries(outcomes).map(([name, list]) => [name, report(list)]))
}
