/**
 * SIMULATOR: the S3-compatible store the simulated `rke2 etcd-snapshot` uploads to: a
 * directory of the cluster state (<cluster>/s3), its endpoint and credentials in
 * `s3-server`, one directory per bucket. No network.
 */
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
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

/**
 * The store's HTTP API, as much of it as the restore lists (S3 ListObjectsV2, path-style:
 * GET /BUCKET?list-type=2&prefix=FOLDER/) on 127.0.0.1, plain http. A request must be signed
 * with AWS Signature Version 4 by the store's key pair (docs.aws.amazon.com, "Signature
 * Version 4 signing process"): a wrong key or signature is answered 403, as S3 does. Start
 * it, then `openS3Store` with its `endpoint`, so that rke2 and the listing see one store.
 */
export class S3Api {
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  /** `sim` and `credentials` are read per request: the store can start before the lab that uses it. */
  static async start(sim: () => RkeSim, credentials: () => { accessKey: string; secretKey: string }): Promise<S3Api> {
    const server = createServer((request, response) => {
      const answer = listObjects(sim(), credentials(), request);
      response.writeHead(answer.status, { 'content-type': 'application/xml' }).end(answer.body);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    return new S3Api(server, `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function s3Error(status: number, code: string, message: string): { status: number; body: string } {
  return { status, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n` };
}

function listObjects(sim: RkeSim, keys: { accessKey: string; secretKey: string }, request: IncomingMessage): { status: number; body: string } {
  const url = new URL(request.url ?? '/', 'http://s3');
  const denied = signatureProblem(request, url, keys);
  if (denied) return s3Error(403, denied.code, denied.message);
  const bucket = url.pathname.replace(/^\/+|\/+$/g, '');
  if (request.method !== 'GET' || !bucket || bucket.includes('/') || url.searchParams.get('list-type') !== '2') {
    return s3Error(400, 'NotImplemented', 'the simulated store answers ListObjectsV2 (GET /BUCKET?list-type=2) only');
  }
  const bucketDir = join(sim.clusterDir, 's3', bucket);
  if (!existsSync(bucketDir)) return s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
  const prefix = url.searchParams.get('prefix') ?? '';
  const folder = prefix.replace(/\/[^/]*$/, '');
  const dir = prefix.includes('/') ? join(bucketDir, folder) : bucketDir;
  const contents = (existsSync(dir) ? readdirSync(dir) : [])
    .map((name) => ({ key: prefix.includes('/') ? `${folder}/${name}` : name, stat: statSync(join(dir, name)) }))
    .filter((entry) => entry.stat.isFile() && entry.key.startsWith(prefix))
    .map((entry) => `<Contents><Key>${entry.key}</Key><LastModified>${entry.stat.mtime.toISOString()}</LastModified><Size>${entry.stat.size}</Size></Contents>`);
  return {
    status: 200,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Name>${bucket}</Name><Prefix>${prefix}</Prefix><KeyCount>${contents.length}</KeyCount>${contents.join('')}</ListBucketResult>\n`,
  };
}

const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text).digest();
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const uriEncode = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Why a request's SigV4 signature is refused, or undefined when it is the store's key pair's. */
function signatureProblem(request: IncomingMessage, url: URL, keys: { accessKey: string; secretKey: string }): { code: string; message: string } | undefined {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(request.headers.authorization ?? '');
  if (!match) return { code: 'AccessDenied', message: 'Access Denied: the request is not signed (AWS Signature Version 4)' };
  const [, accessKey, day, region, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
  if (accessKey !== keys.accessKey) return { code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  const query = [...url.searchParams.entries()].map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).sort().join('&');
  const headers = signedHeaders.split(';');
  const canonicalHeaders = headers.map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payload = request.headers['x-amz-content-sha256'];
  if (typeof payload !== 'string') return { code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' };
  const canonical = [request.method, url.pathname, query, canonicalHeaders, signedHeaders, payload].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', String(request.headers['x-amz-date'] ?? ''), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${keys.secretKey}`, day), region), 's3'), 'aws4_request');
  if (hmac(key, toSign).toString('hex') !== signature) return { code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.' };
  return undefined;
}
