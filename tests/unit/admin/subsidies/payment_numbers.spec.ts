import { test } from '@japa/runner'
import { maskBankCard, maskIdNumber } from '#core/accounts/mask'
import { bankCardProblem, idCheckCharacter, idNumberProblem, normalizeNumber, passesLuhn } from '#modules/admin/subsidies/payment_numbers'
import { numberIndex, openNumber, sealNumber } from '#modules/admin/subsidies/payment_vault'

test.group('Subsidies / 身份证 and bank card numbers', () => {
  test('GB 11643: the check character over 17 digits, X for 10; a wrong one, a bad birthday or shape is named', ({ assert }) => {
    assert.equal(idCheckCharacter('11010519491231002'), 'X')
    assert.equal(idCheckCharacter('51010419900307123'), '7')
    assert.isNull(idNumberProblem('11010519491231002X'))
    assert.isNull(idNumberProblem('510104199003071237'))
    assert.equal(idNumberProblem('510104199003071238'), 'check_digit')
    assert.equal(idNumberProblem('510104199013071237'), 'birthday')
    assert.equal(idNumberProblem('51010419900307123'), 'format')
    assert.equal(idNumberProblem('51010419900307123A'), 'format')
    assert.equal(normalizeNumber(' 1101 0519 4912 3100 2x '), '11010519491231002X')
  })

  test('Luhn: a card passes with its check digit and fails with any other; 12–19 digits', ({ assert }) => {
    assert.isTrue(passesLuhn('6222020200112345679'))
    assert.isTrue(passesLuhn('4111111111111111'))
    assert.isFalse(passesLuhn('6222020200112345678'))
    assert.isNull(bankCardProblem('6217001234567890122'))
    assert.equal(bankCardProblem('6217001234567890123'), 'luhn')
    assert.equal(bankCardProblem('62170012345'), 'format')
    assert.equal(bankCardProblem('6217-0012-3456'), 'format')
  })

  test('masking: the region prefix and last four of an ID, the first and last four of a card', ({ assert }) => {
    assert.equal(maskIdNumber('110101199003071234'), '110101********1234')
    assert.equal(maskIdNumber('11010519491231002X'), '110105********002X')
    assert.equal(maskBankCard('6222020200112345679'), '6222***********5679')
    assert.equal(maskBankCard('4111111111111111'), '4111********1111')
    assert.equal(maskIdNumber(null), '')
  })

  test('sealed numbers hold no digits of the number, open only for their own field; the index is stable and per field', ({ assert }) => {
    const sealed = sealNumber('id_number', '510104199003071237')
    assert.notInclude(sealed, '510104199003071237')
    assert.notInclude(sealed, '071237')
    assert.equal(openNumber('id_number', sealed), '510104199003071237')
    assert.isNull(openNumber('bank_card', sealed))
    assert.notEqual(sealNumber('id_number', '510104199003071237'), sealed)
    assert.equal(numberIndex('id_number', '510104199003071237'), numberIndex('id_number', '510104199003071237'))
    assert.notEqual(numberIndex('id_number', '510104199003071237'), numberIndex('bank_card', '510104199003071237'))
    assert.notInclude(numberIndex('id_number', '510104199003071237'), '1237')
  })
})
