/**
 * SIMULATOR: the local HTTP mirror of the RKE2 simulator, on 127.0.0.1 with an
 * ephemeral port. It serves stand-ins for what the roles download: the RKE2
 * install script (with the rke2 and kubectl stand-ins inside), MetalLB's
 * manifest, helm's install script (with the helm stand-in inside) and the
 * ingress chart as a .tgz. Every request is recorded.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { installHelmScript, installRke2Script } from './install-scripts.js';

export const METALLB_VERSION = 'v0.14.3';
export const CHART_NAME = 'nginx-ingress-controller';
export const CHART_VERSION = '11.6.0';
/** Where the chart is published as an OCI artifact (the ingress role's default reference). */
export const CHART_OCI_REPOSITORY = 'registry-1.docker.io/bitnamicharts';

export interface MirrorUrls {
  readonly rke2InstallScript: string;
  readonly metallbManifest: string;
  readonly helmInstallScript: string;
  readonly chart: string;
}

export class Mirror {
  readonly requests: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  /** Start serving; `workDir` receives the chart archive built from files/chart. */
  static async start(sourceDir: string, workDir: string): Promise<Mirror> {
    const archive = join(workDir, `${CHART_NAME}-${CHART_VERSION}.tgz`);
    execFileSync('tar', ['-czf', archive, '-C', join(sourceDir, 'files', 'chart'), CHART_NAME]);
    const routes = new Map<string, () => Buffer>([
      ['/rke2/install.sh', () => Buffer.from(installRke2Script(sourceDir))],
      [`/metallb/${METALLB_VERSION}/config/manifests/metallb-native.yaml`, () => readFileSync(join(sourceDir, 'files', 'metallb-native.yaml'))],
      ['/helm/get-helm-3', () => Buffer.from(installHelmScript(sourceDir))],
      [`/charts/${CHART_NAME}-${CHART_VERSION}.tgz`, () => readFileSync(archive)],
      // The OCI registry, as the cxsim helm asks it: the tags, then the chart of one tag.
      [`/oci/${CHART_OCI_REPOSITORY}/${CHART_NAME}/tags`, () => Buffer.from(`${CHART_VERSION}\n`)],
      [`/oci/${CHART_OCI_REPOSITORY}/${CHART_NAME}/${CHART_VERSION}.tgz`, () => readFileSync(archive)],
    ]);
    let mirror: Mirror | undefined;
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://mirror').pathname;
      mirror?.requests.push(path);
      const body = request.method === 'GET' || request.method === 'HEAD' ? routes.get(path)?.() : undefined;
      if (!body) {
        response.writeHead(404).end('not found\n');
        return;
      }
      response.writeHead(200, { 'content-length': body.length }).end(request.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    mirror = new Mirror(server, `http://127.0.0.1:${port}`);
    return mirror;
  }

  get urls(): MirrorUrls {
    return {
      rke2InstallScript: `${this.baseUrl}/rke2/install.sh`,
      metallbManifest: `${this.baseUrl}/metallb/${METALLB_VERSION}/config/manifests/metallb-native.yaml`,
      helmInstallScript: `${this.baseUrl}/helm/get-helm-3`,
      chart: `${this.baseUrl}/charts/${CHART_NAME}-${CHART_VERSION}.tgz`,
    };
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
