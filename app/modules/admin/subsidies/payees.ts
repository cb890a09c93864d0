import db from '@adonisjs/lucid/services/db'
import type { Acting } from '#core/accounts/acting'
import { maskBankCard, maskIdNumber } from '#core/accounts/mask'
import { audit } from '#core/audit/audit'
import { numberIndex, openNumber, sealNumber } from '#modules/admin/subsidies/payment_vault'

/*
 * A person's payment data (收款信息): holder, bank, 身份证 and card numbers sealed with
 * their keyed-hash indexes and masked forms. Numbers reach this file already validated
 * (validators.ts: GB 11643 check character, Luhn); they never go into the audit log.
 */

export interface PayeeInput {
  userId: number
  countyCode: string
  holderName: string
  bankName: string
  idNumber: string
  cardNumber: string
}

/** What pages and exports show: masked numbers only. */
export interface MaskedPayee {
  user_id: number
  county_code: string
  holder_name: string
  bank_name: string
  id_number_masked: string
  card_masked: string
  updated_at: Date
}

const MASKED_COLUMNS = ['user_id', 'county_code', 'holder_name', 'bank_name', 'id_number_masked', 'card_masked', 'updated_at']

export function maskedPayee(userId: number): Promise<MaskedPayee | null> {
  return db.from('admin_subsidy_payees').where('user_id', userId).select(MASKED_COLUMNS).first()
}

/** The person a 身份证 number belongs to (an equality look-up on its keyed hash), or null. */
export async function payeeByIdNumber(idNumber: string): Promise<MaskedPayee | null> {
  return db.from('admin_subsidy_payees').where('id_number_index', numberIndex('id_number', idNumber)).select(MASKED_COLUMNS).first()
}

/** Whether another person already holds this 身份证 number. */
export async function idNumberTakenByOther(idNumber: string, userId: number) {
  const other = await payeeByIdNumber(idNumber)
  return !!other && Number(other.user_id) !== userId
}

/** Stores (or replaces) the person's payment data, audited with the masked numbers. */
export async function savePayee(acting: Acting, input: PayeeInput) {
  const row = {
    county_code: input.countyCode,
    holder_name: input.holderName,
    bank_name: input.bankName,
    id_number_sealed: sealNumber('id_number', input.idNumber),
    id_number_index: numberIndex('id_number', input.idNumber),
    id_number_masked: maskIdNumber(input.idNumber),
    card_sealed: sealNumber('bank_card', input.cardNumber),
    card_index: numberIndex('bank_card', input.cardNumber),
    card_masked: maskBankCard(input.cardNumber),
    updated_by_id: acting.actor.id,
    updated_at: new Date(),
  }
  await db.transaction(async (trx) => {
    const old = await trx.from('admin_subsidy_payees').where('user_id', input.userId).forUpdate().first()
    await trx.table('admin_subsidy_payees').insert({ user_id: input.userId, ...row }).onConflict('user_id').merge()
    await audit(trx, {
      ...acting,
      action: 'subsidies.payee_save',
      subjectType: 'admin.subsidy_payee',
      subjectId: input.userId,
      countyCode: input.countyCode,
      changes: {
        id_number: { old: old?.id_number_masked ?? null, new: row.id_number_masked },
        bank_card: { old: old?.card_masked ?? null, new: row.card_masked },
      },
    })
  })
}

/** The full numbers, for a role that may see them: every reveal is an audit row with its reason, written before anything is opened. */
export async function revealPayee(acting: Acting, userId: number, reason: string) {
  return db.transaction(async (trx) => {
    const row = await trx.from('admin_subsidy_payees').where('user_id', userId).first()
    if (!row) return null
    await audit(trx, {
      ...acting,
      action: 'subsidies.reveal',
      subjectType: 'admin.subsidy_payee',
      subjectId: userId,
      countyCode: row.county_code,
      changes: { reason: { old: null, new: reason } },
    })
    return { idNumber: openNumber('id_number', row.id_number_sealed), cardNumber: openNumber('bank_card', row.card_sealed) }
  })
}
