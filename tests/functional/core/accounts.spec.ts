import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/accounts/models/user'
import SmsMessage from '#core/sms/sms_message'
import AuditEntry from '#core/audit/audit_entry'
import { attemptLogin, CodeRequiredError } from '#core/accounts/actions/attempt_login'
import { ThrottledError } from '#core/accounts/sms_codes'
import { safeIntendedUrl } from '#core/accounts/intended_url'
import { assertRedirect, createUser, fieldErrors, latestSmsCode, PASSWORD, submitForm } from '#tests/helpers'

const PHONE = '13812345678'

/** Asks for a code the way the no-JavaScript form does and returns it from the log driver. */
async function requestCode(client: any, phone: string, purpose = 'signup') {
  const response = await submitForm(client, '/sms-codes', { phone, purpose })
  response.assertStatus(302)
  return latestSmsCode(phone)
}

test.group('Accounts / sign-up with SMS code', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the sign-up page renders the form', async ({ client }) => {
    const response = await client.get('/signup')
    response.assertStatus(200)
    response.assertTextIncludes('获取验证码')
    response.assertTextIncludes("name='_csrf'")
  })

  test('a code is texted and signs the person up as a farmer', async ({ client, assert }) => {
    const code = await requestCode(client, PHONE)
    assert.match(code, /^\d{6}$/)
    const stored = await db.from('sms_codes').where('phone', PHONE).firstOrFail()
    assert.notInclude(JSON.stringify(stored), code, 'the code is stored hashed')

    const response = await submitForm(client, '/signup', { phone: PHONE, code, password: 'a-good-password', name: '王小明' })
    assertRedirect(response, '/profile')

    const user = await User.findByOrFail('phone', PHONE)
    assert.equal(user.name, '王小明')
    assert.notEqual(user.password, 'a-good-password')
    assert.deepEqual((await user.grants()).map((grant) => grant.role), ['farmer'])
  })

  test('htmx gets a status fragment for the code request, and a 422 fragment for a bad phone', async ({ client, assert }) => {
    const sent = await client.post('/sms-codes').withCsrfToken().header('HX-Request', 'true').form({ phone: PHONE, purpose: 'signup' })
    sent.assertStatus(200)
    sent.assertTextIncludes('验证码已发送')
    assert.notInclude(sent.text(), '<html')

    const bad = await client.post('/sms-codes').withCsrfToken().header('HX-Request', 'true').form({ phone: '12345', purpose: 'signup' })
    bad.assertStatus(422)
    bad.assertTextIncludes('请输入 11 位大陆手机号')
  })

  test('a wrong code is refused, counted, and nothing is stored', async ({ client, assert }) => {
    const code = await requestCode(client, PHONE)
    const wrong = code === '000000' ? '111111' : '000000'
    const response = await submitForm(client, '/signup', { phone: PHONE, code: wrong, password: 'a-good-password' })
    response.assertStatus(302)
    assert.include(fieldErrors(response, 'code'), '验证码不正确')
    response.assertFlashMessage('phone', PHONE)
    assert.isNull(await User.findBy('phone', PHONE))
    const stored = await db.from('sms_codes').where('phone', PHONE).firstOrFail()
    assert.equal(stored.failed_attempts, 1)
  })

  test('an expired code is refused', async ({ client, assert }) => {
    const code = await requestCode(client, PHONE)
    await db.from('sms_codes').where('phone', PHONE).update({ expires_at: new Date(Date.now() - 1000) })
    const response = await submitForm(client, '/signup', { phone: PHONE, code, password: 'a-good-password' })
    assert.include(fieldErrors(response, 'code'), '验证码已过期，请重新获取')
    assert.isNull(await User.findBy('phone', PHONE))
  })

  test('a code works once', async ({ client, assert }) => {
    const code = await requestCode(client, PHONE)
    assertRedirect((await submitForm(client, '/signup', { phone: PHONE, code, password: 'a-good-password' })), '/profile')
    const again = await submitForm(client, '/signup', { phone: PHONE, code, password: 'another-password' })
    assert.include(fieldErrors(again, 'code'), '验证码已使用，请重新获取')
  })

  test('five wrong guesses burn the code', async ({ client, assert }) => {
    const code = await requestCode(client, PHONE)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) {
      await submitForm(client, '/signup', { phone: PHONE, code: wrong, password: 'a-good-password' })
    }
    const response = await submitForm(client, '/signup', { phone: PHONE, code, password: 'a-good-password' })
    assert.include(fieldErrors(response, 'code'), '验证码已使用，请重新获取')
  })

  test('a second code within a minute is refused with the time to wait', async ({ client, assert }) => {
    await requestCode(client, PHONE)
    const response = await submitForm(client, '/sms-codes', { phone: PHONE, purpose: 'signup' })
    assert.isNotEmpty(fieldErrors(response, 'phone'))
    const [message] = fieldErrors(response, 'phone')
    assert.match(message, /^发送太频繁，请 \d+ 秒后再试$/)
    assert.equal(await db.from('sms_messages').where('phone', PHONE).count('* as n').first().then((r) => Number(r.n)), 1)
  })

  test('one IP may not text twenty-one phones an hour', async ({ client, assert }) => {
    for (let i = 0; i < 20; i++) await requestCode(client, `1380000${String(i).padStart(4, '0')}`)
    const response = await submitForm(client, '/sms-codes', { phone: '13900009999', purpose: 'signup' })
    assert.isNotEmpty(fieldErrors(response, 'phone'))
  })

  test('a phone at the daily SMS cap gets a message next to the field', async ({ client, assert }) => {
    for (let i = 0; i < 20; i++) await SmsMessage.create({ phone: PHONE, template: 'verification_code', driver: 'log', status: 'sent' })
    const response = await submitForm(client, '/sms-codes', { phone: PHONE, purpose: 'signup' })
    assert.include(fieldErrors(response, 'phone'), '该手机号今天收到的短信已达上限，请明天再试')
  })

  test('a registered phone cannot sign up again', async ({ client, assert }) => {
    const user = await createUser()
    const response = await submitForm(client, '/sms-codes', { phone: user.phone, purpose: 'signup' })
    assert.include(fieldErrors(response, 'phone'), '该手机号已注册，请直接登录')
  })
})

test.group('Accounts / bad input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const cases: [string, Record<string, string>, string, string][] = [
    ['empty phone', { phone: '', code: '123456', password: 'a-good-password' }, 'phone', '请输入手机号'],
    ['malformed phone', { phone: '2381234567a', code: '123456', password: 'a-good-password' }, 'phone', '请输入 11 位大陆手机号'],
    ['short code', { phone: PHONE, code: '12', password: 'a-good-password' }, 'code', '验证码是 6 位数字'],
    ['short password', { phone: PHONE, code: '123456', password: 'short' }, 'password', '密码至少 8 位'],
    ['over-long name', { phone: PHONE, code: '123456', password: 'a-good-password', name: '王'.repeat(31) }, 'name', '姓名不能超过 30 个字'],
    ['HTML in name', { phone: PHONE, code: '123456', password: 'a-good-password', name: '<script>alert(1)</script>' }, 'name', '姓名只能包含汉字、字母、空格和“·”'],
    ['SQL in name', { phone: PHONE, code: '123456', password: 'a-good-password', name: "x'); DROP TABLE users;--" }, 'name', '姓名只能包含汉字、字母、空格和“·”'],
  ]
  for (const [label, form, field, message] of cases) {
    test(`sign-up with ${label}: Chinese message on the field, input kept, nothing stored`, async ({ client, assert }) => {
      const response = await submitForm(client, '/signup', form)
      response.assertStatus(302)
      assert.include(fieldErrors(response, field), message)
      if (form.phone) response.assertFlashMessage('phone', form.phone)
      response.assertFlashMissing('password')
      assert.equal(Number((await db.from('users').count('* as n').first()).n), 0)
    })
  }

  test('a form posted without its CSRF token gets the Chinese 419 page and changes nothing', async ({ client, assert }) => {
    const response = await client.post('/signup').header('accept', 'text/html').form({ phone: PHONE, code: '123456', password: 'a-good-password' }).redirects(0)
    response.assertStatus(419)
    response.assertTextIncludes('页面已过期')
    assert.equal(Number((await db.from('users').count('* as n').first()).n), 0)
  })
})

test.group('Accounts / login, lockout, logout, password reset', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('login with phone and password', async ({ client }) => {
    const user = await createUser()
    const response = await submitForm(client, '/login', { phone: user.phone, password: PASSWORD })
    assertRedirect(response, '/')
    const home = await client.get('/').loginAs(user)
    home.assertTextIncludes('我的')
  })

  test('a wrong password says so in Chinese and keeps the phone', async ({ client, assert }) => {
    const user = await createUser()
    const response = await submitForm(client, '/login', { phone: user.phone, password: 'wrong-password' })
    assert.include(fieldErrors(response, 'password'), '手机号或密码不正确')
    response.assertFlashMessage('phone', user.phone)
  })

  test('five failures from one place lock that place out for 15 minutes, even for the right password', async ({ client, assert }) => {
    const user = await createUser()
    let last
    for (let i = 0; i < 5; i++) {
      last = await submitForm(client, '/login', { phone: user.phone, password: 'wrong-password' })
    }
    const locked = '这个地方的密码错误次数过多，请 15 分钟后再试，或通过“找回密码”重设'
    assert.include(fieldErrors(last!, 'phone'), locked)
    const right = await submitForm(client, '/login', { phone: user.phone, password: PASSWORD })
    assert.include(fieldErrors(right, 'phone'), locked)
    assert.isNull((await User.findOrFail(user.id)).lastLoginAt)
    const audited = await AuditEntry.query().where({ action: 'account.login_locked', subjectId: String(user.id) })
    assert.lengthOf(audited, 1, 'the lockout is in the audit log against the account')
  })

  test('a guesser elsewhere cannot lock the owner out (security review, finding 4): another place logs in', async ({ assert }) => {
    const user = await createUser()
    for (let i = 0; i < 5; i++) {
      await assert.rejects(() => attemptLogin(user.phone, 'wrong-password', '10.0.0.1'))
    }
    await assert.rejects(() => attemptLogin(user.phone, PASSWORD, '10.0.0.1'), ThrottledError)
    const signedIn = await attemptLogin(user.phone, PASSWORD, '10.0.0.2')
    assert.equal(signedIn.id, user.id)
  })

  test('after ten failures from anywhere the right password needs an SMS code: the form asks for it, the code signs in', async ({ client, assert }) => {
    const user = await createUser()
    for (let place = 1; place <= 5; place++) {
      for (let i = 0; i < 2; i++) await assert.rejects(() => attemptLogin(user.phone, 'wrong-password', `10.0.1.${place}`))
    }
    await assert.rejects(() => attemptLogin(user.phone, PASSWORD, '10.0.2.1'), CodeRequiredError)

    const asked = await submitForm(client, '/login', { phone: user.phone, password: PASSWORD })
    assert.include(fieldErrors(asked, 'code'), '为保护您的账号，本次登录还需要短信验证码：请点击“获取验证码”，输入发到这个手机号的验证码后再登录。')
    const page = await client.get('/login').withSession(asked.session()).withFlashMessages(asked.flashMessages())
    page.assertTextIncludes('name="code"')

    await submitForm(client, '/sms-codes', { phone: user.phone, purpose: 'login' })
    const wrong = await submitForm(client, '/login', { phone: user.phone, password: PASSWORD, code: '000000' })
    assert.isNotEmpty(fieldErrors(wrong, 'code'))
    const response = await submitForm(client, '/login', { phone: user.phone, password: PASSWORD, code: await latestSmsCode(user.phone) })
    assertRedirect(response, '/')
    assert.isNotNull((await User.findOrFail(user.id)).lastLoginAt)
  })

  test('logout ends the session', async ({ client }) => {
    const user = await createUser()
    const response = await submitForm(client, '/logout', {}, user)
    assertRedirect(response, '/login')
    assertRedirect((await client.get('/profile').redirects(0)), '/login')
  })

  test('password reset by SMS code', async ({ client, assert }) => {
    const user = await createUser()
    const code = await requestCode(client, user.phone, 'reset_password')
    const response = await submitForm(client, '/password/reset', { phone: user.phone, code, password: 'brand-new-password' })
    assertRedirect(response, '/login')
    const refreshed = await User.findOrFail(user.id)
    await User.verifyCredentials(user.phone, 'brand-new-password')
    await assert.rejects(() => User.verifyCredentials(refreshed.phone, PASSWORD))
  })

  test('a reset for an unknown phone answers the same and texts nothing', async ({ client, assert }) => {
    const response = await submitForm(client, '/sms-codes', { phone: '13911112222', purpose: 'reset_password' })
    response.assertFlashMessage('success', '验证码已发送，5 分钟内有效')
    assert.equal(Number((await db.from('sms_messages').count('* as n').first()).n), 0)
  })
})

test.group('Accounts / profile', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the profile page needs a login', async ({ client }) => {
    assertRedirect((await client.get('/profile').redirects(0)), '/login')
  })

  test('name, county and village are saved', async ({ client, assert }) => {
    const user = await createUser({ county: '510104' })
    const page = await client.get('/profile').loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('锦江区')
    const response = await submitForm(client, '/profile', { name: '李四', county_code: '511623', village: '邻水县某村' }, user)
    assertRedirect(response, '/profile')
    const saved = await User.findOrFail(user.id)
    assert.deepInclude(saved.$attributes, { name: '李四', countyCode: '511623', village: '邻水县某村' })
  })

  test('a county outside Sichuan or a city code is refused', async ({ client, assert }) => {
    const user = await createUser({ county: '510104' })
    for (const county of ['110101', '510100']) {
      const response = await submitForm(client, '/profile', { name: '李四', county_code: county }, user)
      assert.isNotEmpty(fieldErrors(response, 'county_code'))
    }
    assert.equal((await User.findOrFail(user.id)).countyCode, '510104')
  })
})

test.group('Accounts / 手机号 + 短信验证码 login, and the page one wanted', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the login page offers phone + SMS code first, the password form one tap away', async ({ client, assert }) => {
    const page = await client.get('/login')
    page.assertStatus(200)
    assert.include(page.text(), 'name="code"')
    assert.notInclude(page.text(), 'name="password"')
    assert.include(page.text(), '用密码登录')
    const withPassword = await client.get('/login?with=password')
    assert.include(withPassword.text(), 'name="password"')
  })

  test('a farmer signs in with the code texted to the phone (no JavaScript)', async ({ client, assert }) => {
    const user = await createUser()
    assertRedirect(await submitForm(client, '/sms-codes', { phone: user.phone, purpose: 'login' }), '/')
    const code = await latestSmsCode(user.phone)
    const wrong = await submitForm(client, '/login', { phone: user.phone, code: code === '000000' ? '111111' : '000000' })
    assert.include(fieldErrors(wrong, 'code'), '验证码不正确')
    assertRedirect(await submitForm(client, '/login', { phone: user.phone, code: await latestSmsCode(user.phone) }), '/')
    assert.isNotNull((await User.findOrFail(user.id)).lastLoginAt)
  })

  test('an unknown phone gets the same answer and no SMS; its code login fails like a missing code', async ({ client, assert }) => {
    await submitForm(client, '/sms-codes', { phone: '13899990000', purpose: 'login' })
    assert.isNull(await SmsMessage.query().where('phone', '13899990000').first())
    const response = await submitForm(client, '/login', { phone: '13899990000', code: '123456' })
    assert.isNotEmpty(fieldErrors(response, 'code'))
  })

  test('neither code nor password: a Chinese message on the code field', async ({ client, assert }) => {
    const response = await submitForm(client, '/login', { phone: '13812345678' })
    assert.include(fieldErrors(response, 'code'), '请输入短信验证码')
  })

  test('sign-up needs no password; the account then signs in by code', async ({ client, assert }) => {
    const code = await requestCode(client, PHONE)
    const response = await submitForm(client, '/signup', { phone: PHONE, code })
    response.assertStatus(302)
    const user = await User.findByOrFail('phone', PHONE)
    assert.isNotEmpty(user.password, 'a random password nobody knows until 找回密码 sets one')
  })

  test('向TA提问 opened signed out lands on the addressed report form after login', async ({ client, assert }) => {
    const user = await createUser({ county: '510129', roles: ['farmer'] })
    const wanted = await client.get('/consultations/new?expert=7').header('accept', 'text/html').redirects(0)
    wanted.assertStatus(302)
    assert.match(wanted.header('location') ?? '', /^\/login/)
    await submitForm(client, '/sms-codes', { phone: user.phone, purpose: 'login' }).withSession(wanted.session())
    const login = await submitForm(client, '/login', { phone: user.phone, code: await latestSmsCode(user.phone) }).withSession(wanted.session())
    assertRedirect(login, '/consultations/new?expert=7')
  })
})

test.group('Accounts / the page one wanted is a path of this site', () => {
  test('only same-site paths are taken; //host, /\\host and URLs are not', ({ assert }) => {
    assert.equal(safeIntendedUrl('/consultations/new?expert=7'), '/consultations/new?expert=7')
    assert.isNull(safeIntendedUrl('//evil.example/x'))
    assert.isNull(safeIntendedUrl('/\\evil.example'))
    assert.isNull(safeIntendedUrl('https://evil.example'))
    assert.isNull(safeIntendedUrl(undefined))
  })
})
