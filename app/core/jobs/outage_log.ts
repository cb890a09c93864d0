/**
 * Turns a database outage's storm of errors (every poll loop of every queue fails, ~13 a
 * second) into two log lines: one when it starts, one when it ends with its duration and
 * how many errors came meanwhile. Errors are counted in `errors` too (a metric to read).
 */
export interface OutageLogger {
  error(object: object, message: string): void
  info(object: object, message: string): void
}

export class OutageLog {
  #since: number | null = null
  #during = 0
  /** Every error seen, in or out of an outage. */
  errors = 0

  constructor(
    private readonly logger: OutageLogger,
    private readonly now: () => number = Date.now
  ) {}

  get inOutage() {
    return this.#since !== null
  }

  /** An error from the queue; logged only if it opens an outage. */
  error(error: unknown, source: string) {
    this.errors++
    if (this.#since !== null) {
      this.#during++
      return
    }
    this.#since = this.now()
    this.#during = 1
    this.logger.error({ err: error, source }, `jobs: database unreachable (${source}); further errors are counted until it recovers`)
  }

  /** Something reached the database: closes an open outage with one line. */
  recovered() {
    if (this.#since === null) return
    const seconds = Math.round((this.now() - this.#since) / 100) / 10
    this.logger.info({ outageSeconds: seconds, errors: this.#during }, `jobs: database reachable again after ${seconds} s (${this.#during} errors)`)
    this.#since = null
    this.#during = 0
  }
}
