/**
 * SIMULATOR: the stand-in install scripts the mirror serves. Each is a POSIX sh
 * script that writes the stand-in binaries (embedded as heredocs) where the real
 * installers put theirs, and speaks the same environment variables
 * (INSTALL_RKE2_TYPE, INSTALL_RKE2_CHANNEL, INSTALL_RKE2_VERSION; HELM_INSTALL_DIR).
 */
import { readFileSync } from 'node:fs';
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

function unit(kind: 'server' | 'agent'): string {
  return [
    '[Unit]',
    `Description=Rancher Kubernetes Engine v2 (${kind}) - cxsim stand-in`,
    '[Service]',
    'Type=notify',
    `ExecStart=/usr/local/bin/rke2 ${kind}`,
    `ExecStop=/usr/local/bin/rke2 ${kind} --cxsim-stop`,
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

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
    'if [ -z "$version" ]; then',
    '  info "finding release for channel $channel"',
    '  case $channel in',
    ...channels,
    '    *) fatal "unable to find a release for channel $channel" ;;',
    '  esac',
    'fi',
    'info "using $version as release"',
    '# Fault injection for tests: a download that fails on this host.',
    '[ ! -e /var/lib/cxsim/fail-install ] || fatal "download of rke2 $version failed (cxsim: /var/lib/cxsim/fail-install)"',
    'mkdir -p /usr/local/bin /usr/local/lib/systemd/system /usr/local/share/rke2/sim',
    embed('/usr/local/bin/rke2', join(sourceDir, 'sh', 'rke2'), '755'),
    embed('/usr/local/share/rke2/sim/kubectl', join(sourceDir, 'sh', 'kubectl'), '755'),
    'printf \'%s\\n\' "$version" > /usr/local/share/rke2/sim/version',
    `cat > /usr/local/lib/systemd/system/rke2-server.service <<'CXSIM_EOF'\n${unit('server')}CXSIM_EOF`,
    `cat > /usr/local/lib/systemd/system/rke2-agent.service <<'CXSIM_EOF'\n${unit('agent')}CXSIM_EOF`,
    'info "installed rke2 $version ($type) to /usr/local"',
    '',
  ].join('\n');
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
