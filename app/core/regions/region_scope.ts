import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

type Query = ModelQueryBuilderContract<any, any> | DatabaseQueryBuilderContract<any>

const PREFIX = /^51(\d{2}(\d{2})?)?$/

/** A 6-digit GB/T 2260 code inside Sichuan: 510000 the province, 510100 a city, 510104 a county. */
export const REGION_CODE = /^51\d{4}$/

/** Whether a value (a form field, a query string) has the shape of a Sichuan region code; nothing is looked up. */
export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION_CODE.test(value)
}

/**
 * A region scope is a GB/T 2260 code prefix: '51' the province, '5101' Chengdu,
 * '510104' one county. Every place-bound record carries a 6-digit county code, so
 * "inside the scope" is a prefix match. This is the only place that knows it.
 */
export class RegionScope {
  static readonly province = new RegionScope('51')

  private constructor(readonly prefix: string) {}

  /** From a prefix as stored in role_grants.scope. */
  static fromPrefix(prefix: string): RegionScope {
    if (!PREFIX.test(prefix)) throw new Error(`Not a Sichuan region scope: ${prefix}`)
    return new RegionScope(prefix)
  }

  /** From a 6-digit region code: 510000 → 51, 510100 → 5101, 510104 → 510104. */
  static fromRegionCode(code: string): RegionScope {
    if (!isRegionCode(code)) throw new Error(`Not a Sichuan region code: ${code}`)
    if (code.endsWith('0000')) return RegionScope.province
    if (code.endsWith('00')) return new RegionScope(code.slice(0, 4))
    return new RegionScope(code)
  }

  get level(): 'province' | 'city' | 'county' {
    return this.prefix.length === 2 ? 'province' : this.prefix.length === 4 ? 'city' : 'county'
  }

  /** The city a county or city scope lies in (the province stays the province). */
  get city(): RegionScope {
    return this.level === 'province' ? this : new RegionScope(this.prefix.slice(0, 4))
  }

  /** The 6-digit code of the region the scope stands for. */
  get regionCode(): string {
    return this.prefix.padEnd(6, '0')
  }

  /**
   * Whether a record of this county belongs to the scope. The province sees
   * everything, including platform-wide records that carry no county.
   */
  contains(countyCode: string | null | undefined): boolean {
    if (this.level === 'province') return true
    return !!countyCode && countyCode.startsWith(this.prefix)
  }

  /** Whether everything inside `other` is inside this scope. */
  covers(other: RegionScope): boolean {
    return other.prefix.startsWith(this.prefix)
  }

  /** Limits a query to rows whose `column` (a county code) is inside any of the scopes. */
  static constrain<Q extends Query>(query: Q, scopes: RegionScope[], column = 'county_code'): Q {
    if (scopes.length === 0) return query.whereRaw('false') as Q
    if (scopes.some((scope) => scope.level === 'province')) return query
    return query.where((inner: any) => {
      for (const scope of scopes) inner.orWhereLike(column, `${scope.prefix}%`)
    }) as Q
  }

  toString() {
    return this.prefix
  }
}
