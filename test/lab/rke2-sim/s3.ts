/**
 * SIMULATOR: the S3-compatible store the simulated `rke2 etcd-snapshot` uploads to: a
 * directory of the cluster state (<cluster>/s3), its endpoint and credentials in
 * `s3-server`, one directory per bucket. No network.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RkeSim } from './sim.js';

export interface S3Store {
  readonly endpoint: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly bucket: string;
}

export function openS3Store(sim: RkeSim, store: S3Store): void {
  mkdirSync(join(sim.clusterDir, 's3', store.bucket), { recursive: true });
  writeFileSync(join(sim.clusterDir, 's3', 's3-server'), `${store.endpoint}\n${store.accessKey}\n${store.secretKey}\n`, { mode: 0o600 });
}

/** The objects in a bucket's folder. */
export function s3Objects(sim: RkeSim, bucket: string, folder = ''): string[] {
  const dir = join(sim.clusterDir, 's3', bucket, folder);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
