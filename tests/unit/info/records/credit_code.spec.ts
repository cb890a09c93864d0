import { test } from '@japa/runner'
import { creditCodeCheck, isCreditCode } from '#modules/info/shared/credit_code'

test.group('Info / 统一社会信用代码', () => {
  test('codes with the right check character pass (GB 32100-2015 weights)', ({ assert }) => {
    for (const code of ['91350100M000100Y43', '91510129MA62M1234H', '125101004507165818']) assert.isTrue(isCreditCode(code), code)
    assert.equal(creditCodeCheck('91350100M000100Y4'), '3')
  })

  test('a wrong check character, a wrong length, letters outside the set or in the region digits fail', ({ assert }) => {
    for (const code of ['91510129MA62M12340', '91350100M000100Y4', '91350100M000100Y433', '91350100M000100I43', '9135A100M000100Y43', '91350100m000100y43', '']) {
      assert.isFalse(isCreditCode(code), code)
    }
  })
})
