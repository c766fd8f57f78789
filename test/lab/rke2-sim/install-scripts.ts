/**
 * SIMULATOR: the stand-in install scripts the mirror serves. Each is a POSIX sh
 * script that writes the stand-in binaries (embedded as heredocs) where the real
 * installers put theirs, and speaks the same environment variables
 * (INSTALL_RKE2_TYPE, INSTALL_RKE2_CHANNEL, INSTALL_RKE2_VERSION; HELM_INSTALL_DIR).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The releases the stand-in "finds" per channel (INSTALL_RKE2_VERSION wins). */
const CHANNELS: Readonly<Record<string, string>> = {
  stable: 'v1.31.2+rke2r1',
  latest: 'v1.31.3+rke2r1',
  'v1.31': 'v1.31.3+rke2r1',
  'v1.30': 'v1.30.7+rke2r1',
};

function embed(path: string, source: string, mode: string): string {
  const text = readFileSync(source, 'utf8');
  if (text.includes('\nCXSIM_EOF\n')) throw new Error(`${source} contains the heredoc delimiter`);
  return `cat > ${path} <<'CXSIM_EOF'\n${text}${text.endsWith('\n') ? '' : '\n'}CXSIM_EOF\nchmod ${mode} ${path}\n`;
}

function unit(kind: 'server' | 'agent', bin: string): string {
  return [
    '[Unit]',
    `Description=Rancher Kubernetes Engine v2 (${kind}) - cxsim stand-in`,
    '[Service]',
    'Type=notify',
    `ExecStart=${bin} ${kind}`,
    `ExecStop=${bin} ${kind} --cxsim-stop`,
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/** Writes the stand-ins as the method installs them: $1 the bin directory, $2 the unit directory. */
function installFunction(sourceDir: string): string {
  return [
    'install_files() {',
    '  mkdir -p "$1" "$2" /usr/local/share/rke2/sim',
    embed('"$1/rke2"', join(sourceDir, 'sh', 'rke2'), '755'),
    embed('/usr/local/share/rke2/sim/kubectl', join(sourceDir, 'sh', 'kubectl'), '755'),
    '  printf \'%s\\n\' "$version" > /usr/local/share/rke2/sim/version',
    ...(['server', 'agent'] as const).map((kind) => `  sed "s|@BIN@|$1/rke2|" > "$2/rke2-${kind}.service" <<'CXSIM_EOF'\n${unit(kind, '@BIN@')}CXSIM_EOF`),
    '}',
  ].join('\n');
}

/**
 * The stand-in get.rke2.io, following rancher/rke2's install.sh: INSTALL_RKE2_METHOD
 * (default rpm where `yum` is found — the RHEL family — unless INSTALL_RKE2_ARTIFACT_PATH
 * is set, else tar); rpm puts rke2 in /usr/bin and its units in /usr/lib/systemd/system,
 * tar in INSTALL_RKE2_TAR_PREFIX (/usr/local); a tar install on a host with the RPMs is
 * refused (check_method_conflict). INSTALL_RKE2_ARTIFACT_PATH (air-gapped) takes the
 * release from that directory (rke2.linux-amd64.tar.gz checked against
 * sha256sum-amd64.txt) and fails, as install.sh does under `set -e`, when they are missing.
 */
export function installRke2Script(sourceDir: string): string {
  const channels = Object.entries(CHANNELS).map(([channel, version]) => `    ${channel}) version=${version} ;;`);
  return [
    '#!/bin/sh',
    '# SIMULATOR: stand-in for https://get.rke2.io (cxplay RKE2 simulator). Not RKE2.',
    'set -e',
    'info() { echo "[INFO]  $*"; }',
    'fatal() { echo "[ERROR] $*" >&2; exit 1; }',
    '[ -r /usr/local/lib/cxsim/lib.sh ] || fatal "this host is not a cxsim lab host"',
    'type=${INSTALL_RKE2_TYPE:-server}',
    'case $type in server|agent) ;; *) fatal "Invalid INSTALL_RKE2_TYPE: $type (server or agent)" ;; esac',
    'channel=${INSTALL_RKE2_CHANNEL:-stable}',
    'version=${INSTALL_RKE2_VERSION:-}',
    'artifacts=${INSTALL_RKE2_ARTIFACT_PATH:-}',
    'method=${INSTALL_RKE2_METHOD:-}',
    'if [ -z "$artifacts" ] && [ -z "$method" ] && command -v yum >/dev/null 2>&1; then method=rpm; fi',
    'case $method in yum|rpm|dnf) method=rpm ;; *) method=tar ;; esac',
    'if [ "$method" = tar ] && rpm -q rke2-common >/dev/null 2>&1; then',
    '  fatal "Cannot perform ${INSTALL_RKE2_METHOD:-tar} install on host with existing RKE2 RPMs - please run rke2-uninstall.sh first"',
    'fi',
    'if [ -n "$artifacts" ]; then',
    '  [ "$method" = tar ] || fatal "INSTALL_RKE2_ARTIFACT_PATH installs the tarball: not with INSTALL_RKE2_METHOD=$INSTALL_RKE2_METHOD"',
    '  info "staging local checksums from $artifacts/sha256sum-amd64.txt"',
    '  tmp=$(mktemp -d)',
    '  cp -f "$artifacts/sha256sum-amd64.txt" "$tmp/sha256sum-amd64.txt"',
    '  info "staging tarball from $artifacts/rke2.linux-amd64.tar.gz"',
    '  cp -f "$artifacts/rke2.linux-amd64.tar.gz" "$tmp/rke2.linux-amd64.tar.gz"',
    '  expected=$(grep "rke2.linux-amd64.tar.gz" "$tmp/sha256sum-amd64.txt" | awk \'{print $1}\')',
    '  actual=$(sha256sum "$tmp/rke2.linux-amd64.tar.gz" | awk \'{print $1}\')',
    '  [ "$expected" = "$actual" ] || fatal "download sha256 does not match $expected, got $actual"',
    '  version=$(tar -xzOf "$tmp/rke2.linux-amd64.tar.gz" ./share/rke2/version)',
    '  rm -rf "$tmp"',
    'elif [ -z "$version" ]; then',
    '  info "finding release for channel $channel"',
    '  case $channel in',
    ...channels,
    '    *) fatal "unable to find a release for channel $channel" ;;',
    '  esac',
    'fi',
    'info "using $version as release"',
    '# Fault injection for tests: a download that fails on this host.',
    '[ -n "$artifacts" ] || [ ! -e /var/lib/cxsim/fail-install ] || fatal "download of rke2 $version failed (cxsim: /var/lib/cxsim/fail-install)"',
    installFunction(sourceDir),
    'if [ "$method" = rpm ]; then',
    '  install_files /usr/bin /usr/lib/systemd/system',
    '  mkdir -p /var/lib/cxsim/rpm && printf \'%s\\n\' "$version" > /var/lib/cxsim/rpm/rke2-common',
    '  info "installed rke2-common and rke2-$type $version (rpm)"',
    'else',
    '  prefix=${INSTALL_RKE2_TAR_PREFIX:-/usr/local}',
    '  install_files "$prefix/bin" "$prefix/lib/systemd/system"',
    '  info "installed rke2 $version ($type) to $prefix"',
    'fi',
    '',
  ].join('\n');
}

/** An air-gapped release as the RKE2 release page has it: the tarball and its checksum file. */
export function writeRke2Artifacts(dir: string, version: string): void {
  const staging = mkdtempSync(join(dir, '.staging-'));
  mkdirSync(join(staging, 'share', 'rke2'), { recursive: true });
  writeFileSync(join(staging, 'share', 'rke2', 'version'), `${version}\n`);
  execFileSync('tar', ['-czf', join(dir, 'rke2.linux-amd64.tar.gz'), '-C', staging, '.']);
  rmSync(staging, { recursive: true, force: true });
  const sum = createHash('sha256').update(readFileSync(join(dir, 'rke2.linux-amd64.tar.gz'))).digest('hex');
  writeFileSync(join(dir, 'sha256sum-amd64.txt'), `${sum}  rke2.linux-amd64.tar.gz\n`);
}

export function installHelmScript(sourceDir: string): string {
  return [
    '#!/bin/sh',
    '# SIMULATOR: stand-in for helm\'s get-helm-3 script (cxplay RKE2 simulator). Not Helm.',
    'set -e',
    '[ -r /usr/local/lib/cxsim/lib.sh ] || { echo "this host is not a cxsim lab host" >&2; exit 1; }',
    'dir=${HELM_INSTALL_DIR:-/usr/local/bin}',
    'echo "Downloading helm v3.16.2 (cxsim stand-in)"',
    'echo "Preparing to install helm into $dir"',
    'mkdir -p "$dir"',
    embed('"$dir/helm"', join(sourceDir, 'sh', 'helm'), '755'),
    'echo "helm installed into $dir/helm"',
    '',
  ].join('\n');
}
