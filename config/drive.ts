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
          s3: services.s3({
            credentials: {
              accessKeyId: env.get('S3_ACCESS_KEY_ID')!,
              secretAccessKey: env.get('S3_SECRET_ACCESS_KEY')!,
            },
            region: env.get('S3_REGION') ?? 'auto',
            bucket: env.get('S3_BUCKET')!,
            endpoint: env.get('S3_ENDPOINT'),
            forcePathStyle: env.get('S3_PATH_STYLE', false),
            // Many S3-compatible services have no object ACLs; the bucket stays private.
            supportsACL: false,
            visibility: 'private',
          }),
        }
      : {}),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
