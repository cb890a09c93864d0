import type { OutgoingSms, SmsDriver } from '#core/sms/sms_driver'
import { SmsProviderError } from '#core/sms/sms_driver'
import { templateParams, type SmsTemplate } from '#core/sms/templates'

type TencentSdk = typeof import('tencentcloud-sdk-nodejs-sms')
type TencentClient = InstanceType<TencentSdk['sms']['v20210111']['Client']>

export interface TencentSmsConfig {
  secretId: string
  secretKey: string
  /** SmsSdkAppId of the SMS application in the Tencent Cloud console. */
  appId: string
  /** The approved signature (签名) text, e.g. 四川乡村振兴科技在线. */
  signName: string
  region: string
  /**
   * The approved id of a template. driverFromEnv reads SMS_TEMPLATE_<NAME> (modules
   * register templates after the driver exists, and registration checks the ids).
   */
  templateId: (template: SmsTemplate) => string | undefined
  /** Another endpoint than https://sms.tencentcloudapi.com: a regional one, or a local fake in tests. */
  endpoint?: string
  timeoutSeconds?: number
}

/**
 * Codes after which the same request may well succeed later. Everything else the
 * provider names (credentials, template, signature, number, balance) needs a person.
 */
const TRANSIENT_CODES = [
  /^InternalError/,
  /^RequestLimitExceeded/,
  /^LimitExceeded\.PhoneNumber(ThirtySecond|OneHour)Limit$/,
]

function isTransient(code: string | undefined, httpCode?: number) {
  if (!code) return httpCode === undefined || httpCode >= 500 || httpCode === 429
  return TRANSIENT_CODES.some((pattern) => pattern.test(code))
}

/** Tencent Cloud SMS (API 2021-01-11, SendSms) through Tencent's official Node SDK. */
export class TencentSmsDriver implements SmsDriver {
  readonly name = 'tencent'
  readonly keepsBody = false
  #client?: Promise<TencentClient>

  constructor(private config: TencentSmsConfig) {}

  async send({ phone, template, variables, reference }: OutgoingSms) {
    const templateId = this.config.templateId(template)
    if (!templateId) throw new SmsProviderError(`no template id for ${template}`, false)
    const client = await this.#connect()
    const params = templateParams(template, variables)
    let response: Awaited<ReturnType<TencentClient['SendSms']>>
    try {
      response = await client.SendSms({
        PhoneNumberSet: [`+86${phone}`],
        SmsSdkAppId: this.config.appId,
        SignName: this.config.signName,
        TemplateId: templateId,
        TemplateParamSet: params,
        SessionContext: reference,
      })
    } catch (error: any) {
      const reason = [error?.code, error?.httpCode && `HTTP ${error.httpCode}`, error?.message].filter(Boolean).join(': ')
      throw new SmsProviderError(reason || String(error), isTransient(error?.code, error?.httpCode))
    }
    // The request as a whole succeeded; each number still has its own verdict.
    const status = response.SendStatusSet?.[0]
    if (status?.Code !== 'Ok') {
      throw new SmsProviderError(`${status?.Code ?? 'NoStatus'}: ${status?.Message ?? ''}`, isTransient(status?.Code ?? 'NoStatus'))
    }
    return { providerRef: status.SerialNo ?? null }
  }

  /** The SDK is loaded on first use: development and tests never pay for it. */
  #connect() {
    this.#client ??= import('tencentcloud-sdk-nodejs-sms').then(({ sms }) => {
      const endpoint = this.config.endpoint ? new URL(this.config.endpoint) : null
      return new sms.v20210111.Client({
        credential: { secretId: this.config.secretId, secretKey: this.config.secretKey },
        region: this.config.region,
        profile: {
          httpProfile: {
            reqTimeout: this.config.timeoutSeconds ?? 10,
            ...(endpoint ? { protocol: `${endpoint.protocol}//`, endpoint: endpoint.host } : {}),
          },
        },
      })
    })
    return this.#client
  }
}
