import { test } from '@japa/runner'
import { describeDevice } from '#core/accounts/device_names'

test.group('我的登录设备 / device names from the user agent', () => {
  test('system and browser, the most specific mark winning', ({ assert }) => {
    const cases: [string, string][] = [
      ['Mozilla/5.0 (Linux; Android 13; V2183A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36', 'Android · Chrome'],
      ['Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AL00) AppleWebKit/537.36 Chrome/99.0 Mobile Safari/537.36', 'HarmonyOS · Chrome'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1', 'iOS · Safari'],
      ['Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.42', 'Android · WeChat'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0', 'Windows · Edge'],
    ]
    for (const [userAgent, name] of cases) assert.equal(describeDevice(userAgent), name, userAgent)
  })

  test('an empty or unknown user agent names nothing (the page says 未知设备)', ({ assert }) => {
    assert.equal(describeDevice(''), '')
    assert.equal(describeDevice('curl/8.5.0'), '')
  })
})
