import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'

/**
 * Where uploads live. One server: the local disk under storage/media (git-ignored).
 * Several servers behind a load balancer: DRIVE_DISK=s3 and any S3-compatible bucket,
 * so that every instance sees every file. Files are never served by the storage
 * itself: /media/:id checks who may see them (app/core/media), so both disks are
 * private.
 */
const disk = env.get('DRIVE_DISK', 'local')

/**
 * A test run writes real files into its own throwaway folder (tests/bootstrap.ts
 * removes it), never into the developer's storage.
 */
export const testMediaRoot = app.inTest && !env.get('DRIVE_ROOT') ? join(tmpdir(), `rural-tech-media-${process.pid}`) : null

export interface S3Settings {
  endpoint?: string
  region?: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  pathStyle?: boolean
}

/**
 * The options of Drive's S3 disk for any S3-compatible bucket (Aliyun OSS, Tencent COS,
 * MinIO, AWS). The SDK's default checksums (CRC32 trailers in every streamed upload) are
 * asked for only where S3 requires them: S3-compatible services that do not know the
 * trailers store them inside the file. Exported for the test against s3rver.
 */
export function s3Options(settings: S3Settings) {
  return {
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    region: settings.region ?? 'auto',
    bucket: settings.bucket,
    endpoint: settings.endpoint,
    forcePathStyle: settings.pathStyle ?? false,
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
    // Many S3-compatible services have no object ACLs; the bucket stays private.
    supportsACL: false,
    visibility: 'private' as const,
  }
}

const driveConfig = defineConfig({
  default: disk,
  services: {
    local: services.fs({
      location: testMediaRoot ?? resolve(app.makePath(), env.get('DRIVE_ROOT') ?? 'storage/media'),
      serveFiles: false,
      visibility: 'private',
    }),
    // Only configured when chosen: the AWS SDK is loaded only by deployments that use it.
    ...(disk === 's3'
      ? {
          s3: services.s3(
            s3Options({
              endpoint: env.get('S3_ENDPOINT'),
              region: env.get('S3_REGION'),
              bucket: env.get('S3_BUCKET')!,
              accessKeyId: env.get('S3_ACCESS_KEY_ID')!,
              secretAccessKey: env.get('S3_SECRET_ACCESS_KEY')!,
              pathStyle: env.get('S3_PATH_STYLE', false),
            })
          ),
        }
      : {}),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
