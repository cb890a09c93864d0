import { readFileSync } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { importCases } from '#core/text/cases_import'
import { suggestIndustry } from '#core/text/industry_suggester'
import { similar } from '#core/text/documents'
import type { Segmenter } from '#core/text/segmenter'

/**
 * Recall@k and MRR of 找类似 on the labelled set: each item of eval.jsonl should find
 * its cluster's solved case (cases.jsonl) among the top k. Runs inside a transaction
 * that is rolled back, so the real index is never touched.
 */
export interface EvalScores {
  items: number
  recallAt1: number
  recallAt3: number
  recallAt5: number
  mrr: number
  p50Ms: number
}

interface Labelled {
  cluster: string
  industry: string
  text: string
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
   * harder figure at plan scale) instead of among themselves.
   */
  everything?: boolean
}

export async function scoreSimilar(
  trx: TransactionClientContract,
  evalPath: string,
  casesContent: string,
  caseIds: number[],
  options: EvalVariant = {}
): Promise<EvalScores> {
  const cases = casesContent.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Labelled)
  const clusterOf = new Map(caseIds.map((id, index) => [id, cases[index].cluster]))
  const items = jsonl<Labelled>(evalPath)
  let hits1 = 0
  let hits3 = 0
  let hits5 = 0
  let reciprocal = 0
  const timings: number[] = []
  for (const item of items) {
    const started = performance.now()
    const found = await similar(item.text, {
      limit: 10,
      client: trx,
      segmenter: options.segmenter,
      industry: options.useIndustry ? item.industry : null,
      ids: options.everything ? undefined : caseIds,
    })
    timings.push(performance.now() - started)
    const rank = found.findIndex((doc) => clusterOf.get(doc.id) === item.cluster) + 1
    if (rank === 1) hits1++
    if (rank >= 1 && rank <= 3) hits3++
    if (rank >= 1 && rank <= 5) hits5++
    if (rank >= 1) reciprocal += 1 / rank
  }
  timings.sort((a, b) => a - b)
  const n = items.length
  return {
    items: n,
    recallAt1: round(hits1 / n),
    recallAt3: round(hits3 / n),
    recallAt5: round(hits5 / n),
    mrr: round(reciprocal / n),
    p50Ms: round(timings[Math.floor(n / 2)] ?? 0),
  }
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

/**
 * Imports the fixture cases into a transaction, scores every variant, rolls back.
 * similar() is restricted to the fixture's document ids, so the figures do not
 * depend on what else the database holds — and no other row is touched, which at
 * a million cases would be a table rewrite.
 */
export async function evaluate(
  casesPath: string,
  evalPath: string,
  variants: Record<string, EvalVariant>
): Promise<Record<string, EvalScores>> {
  const trx = await db.transaction()
  try {
    const content = readFileSync(casesPath, 'utf8')
    const { ids, problems } = await importCases(content, trx)
    if (problems.length) throw new Error(`cases fixture has bad lines: ${JSON.stringify(problems)}`)
    const scores: Record<string, EvalScores> = {}
    for (const [name, variant] of Object.entries(variants)) {
      scores[name] = await scoreSimilar(trx, evalPath, content, ids, variant)
    }
    return scores
  } finally {
    await trx.rollback()
  }
}
