import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Group } from '@japa/runner/core'

/**
 * A local stand-in for Tencent Cloud SMS (API 3.0, SendSms 2021-01-11): it checks
 * what the official SDK sends — the TC3-HMAC-SHA256 signature computed with the
 * account's secret key, the action/version headers and the JSON body — and answers
 * with the provider's real response shapes (HTTP 200 with Response.Error for a
 * refused request, a per-number Code in SendStatusSet otherwise).
 */
export interface FakeTencentAccount {
  secretId: string
  secretKey: string
  appId: string
  signName: string
  /** Approved template id → number of its {1}, {2}, … parameters. */
  templates: Record<string, number>
}

export interface ReceivedSendSms {
  headers: IncomingMessage['headers']
  body: Record<string, any>
}

type Answer = { error: [code: string, message: string] } | { numberCode: [code: string, message: string] } | { httpStatus: number }

const API_VERSION = '2021-01-11'
const MAX_CLOCK_SKEW_SECONDS = 300

function sha256Hex(data: string) {
  return createHash('sha256').update(data).digest('hex')
}
function hmac(key: string | Buffer, data: string) {
  return createHmac('sha256', key).update(data).digest()
}

export class FakeTencentSms {
  /** Every SendSms that passed authentication, in order. */
  readonly received: ReceivedSendSms[] = []
  #server: Server
  #scripted: Answer[] = []

  private constructor(readonly account: FakeTencentAccount) {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk) => chunks.push(chunk))
      request.on('end', () => {
        const answer = this.#answer(request, Buffer.concat(chunks).toString('utf8'))
        if ('httpStatus' in answer) {
          response.writeHead(answer.httpStatus).end()
          return
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Response: answer }))
      })
    })
  }

  static async start(account: FakeTencentAccount) {
    const fake = new FakeTencentSms(account)
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve))
    return fake
  }

  get endpoint() {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
  }

  /** The next authenticated request gets this answer instead of a success. */
  failNext(answer: Answer) {
    this.#scripted.push(answer)
  }

  close() {
    this.#server.closeAllConnections()
    return new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #answer(request: IncomingMessage, payload: string): Record<string, any> | { httpStatus: number } {
    const requestId = randomUUID()
    const error = (code: string, message: string) => ({ Error: { Code: code, Message: message }, RequestId: requestId })

    const authFailure = this.#authenticate(request, payload)
    if (authFailure) return error(...authFailure)
    if (request.headers['x-tc-action'] !== 'SendSms') return error('InvalidAction', 'The requested action does not exist.')
    if (request.headers['x-tc-version'] !== API_VERSION) return error('NoSuchVersion', 'The API version does not exist.')

    let body: Record<string, any>
    try {
      body = JSON.parse(payload)
    } catch {
      return error('InvalidParameter', 'The request body is not valid JSON.')
    }
    this.received.push({ headers: request.headers, body })

    const scripted = this.#scripted.shift()
    if (scripted && 'httpStatus' in scripted) return scripted
    if (scripted && 'error' in scripted) return error(...scripted.error)

    if (body.SmsSdkAppId !== this.account.appId) return error('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId not exist.')
    if (body.SignName !== this.account.signName) {
      return error('FailedOperation.SignatureIncorrectOrUnapproved', 'signature format error or signature not approved.')
    }
    const paramCount = this.account.templates[body.TemplateId]
    if (paramCount === undefined) return error('FailedOperation.TemplateIncorrectOrUnapproved', 'template format error or template not approved.')
    if (!Array.isArray(body.TemplateParamSet) || body.TemplateParamSet.length !== paramCount) {
      return error('InvalidParameterValue.TemplateParameterFormatError', 'the parameter of template is incorrect.')
    }

    const SendStatusSet = (body.PhoneNumberSet as string[]).map((phone) => {
      const [Code, Message] = scripted && 'numberCode' in scripted ? scripted.numberCode
        : /^\+861\d{10}$/.test(phone) ? ['Ok', 'send success']
        : ['InvalidParameterValue.IncorrectPhoneNumber', 'the format of the phone number is incorrect.']
      return {
        SerialNo: Code === 'Ok' ? `3369:${randomUUID().replace(/-/g, '')}` : '',
        PhoneNumber: phone,
        Fee: Code === 'Ok' ? 1 : 0,
        SessionContext: body.SessionContext ?? '',
        Code,
        Message,
        IsoCode: 'CN',
      }
    })
    return { SendStatusSet, RequestId: requestId }
  }

  /**
   * TC3-HMAC-SHA256 as Tencent's gateway checks it: the Authorization header names
   * the key, the date and the service; the signature over the canonical request
   * (method, path, query, content-type and host headers, payload hash) must match
   * one made with the account's secret key. The service is the endpoint host's first
   * label, as the SDK derives it ("sms" at sms.tencentcloudapi.com). The gateway
   * answers on the default port, so the host is signed without one.
   */
  #authenticate(request: IncomingMessage, payload: string): [string, string] | null {
    const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
      request.headers.authorization ?? ''
    )
    if (!match) return ['AuthFailure.InvalidAuthorization', 'Authorization header is invalid.']
    const [, secretId, date, service, signedHeaders, signature] = match
    if (secretId !== this.account.secretId) return ['AuthFailure.SecretIdNotFound', 'The SecretId is not found.']

    const timestamp = Number(request.headers['x-tc-timestamp'])
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      return ['AuthFailure.SignatureExpire', 'Signature expired.']
    }
    const hostname = (request.headers.host ?? '').replace(/:\d+$/, '')
    if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10) || service !== hostname.split('.')[0]) {
      return ['AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.']
    }
    if (signedHeaders !== 'content-type;host') {
      return ['AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.']
    }

    const canonicalRequest = [
      request.method,
      new URL(request.url ?? '/', 'http://x').pathname,
      '',
      `content-type:${request.headers['content-type']}\nhost:${hostname}\n`,
      signedHeaders,
      sha256Hex(payload),
    ].join('\n')
    const stringToSign = ['TC3-HMAC-SHA256', timestamp, `${date}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n')
    const signingKey = hmac(hmac(hmac(`TC3${this.account.secretKey}`, date), service), 'tc3_request')
    const expected = createHmac('sha256', signingKey).update(stringToSign).digest()
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
      return ['AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.']
    }
    return null
  }
}

/** Runs a fake for the whole group (handed over by `started`), forgetting its requests before each test. */
export function fakeTencentSmsForGroup(group: Group, account: FakeTencentAccount, started: (fake: FakeTencentSms) => void) {
  let fake: FakeTencentSms
  group.setup(async () => {
    fake = await FakeTencentSms.start(account)
    started(fake)
    return () => fake.close()
  })
  group.each.setup(() => {
    fake.received.length = 0
  })
}
