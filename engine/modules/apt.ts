/**
 * apt: Debian packages installed, upgraded, removed, and the lists updated,
 * as Ansible 2.14's apt decides, in one exec: engine/modules/sh/apt.sh reads
 * each package's state with apt-cache policy (not python-apt), builds the
 * one apt-get call Ansible would make (--simulate in check mode) and runs it.
 * `deb` installs local .deb files with dpkg -i as Ansible does (reading
 * each file's name and version with dpkg --field); their dependencies must
 * be installed already (Ansible would install them with apt-get). A `deb`
 * URL is downloaded on the host first, as Ansible's fetch_file does, into a
 * temporary directory removed at the end. `policy_rc_d` writes
 * /usr/sbin/policy-rc.d around each apt-get and dpkg call, as Ansible's
 * PolicyRcD does. Not supported: name globs, virtual packages.
 */
import { quote, quoteWords } from '../connection/quote.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import { outputLines, preparedDiff } from './lib/package-output.js';
import APT_SH from './sh/apt.sh';
import { FLAG_FUNCTIONS } from './lib/flags.js';
import { DOWNLOAD_FUNCTIONS, FETCH_REQUEST } from './lib/download.js';
import PKG_SH from './sh/pkg.sh';

const APT_FUNCTIONS = shellCode(PKG_SH) + shellCode(APT_SH);
const DPKG_OPTIONS = 'force-confdef,force-confold';

export const aptModule: ModuleDef = {
  name: 'apt',
  // In Ansible's order: given with its argument, the alias given last here wins.
  argumentAliases: {
    'update-cache': 'update_cache',
    pkg: 'package',
    name: 'package',
    'default-release': 'default_release',
    'install-recommends': 'install_recommends',
    'allow-unauthenticated': 'allow_unauthenticated',
    'allow-downgrade': 'allow_downgrade',
    allow_downgrades: 'allow_downgrade',
    'allow-downgrades': 'allow_downgrade',
  },
  argsSchema: {
    type: 'object',
    properties: {
      state: { enum: ['absent', 'build-dep', 'fixed', 'latest', 'present'], default: 'present' },
      update_cache: { type: 'boolean' },
      update_cache_retries: { type: 'integer', default: 5 },
      update_cache_retry_max_delay: { type: 'integer', default: 12 },
      cache_valid_time: { type: 'integer', default: 0 },
      purge: { type: 'boolean', default: false },
      package: { type: 'array', items: { type: 'string' } },
      deb: { type: 'string' },
      default_release: { type: 'string' },
      install_recommends: { type: 'boolean' },
      force: { type: 'boolean', default: false },
      // A YAML yes/no reaches the module as a boolean; Ansible takes it for 'yes' / 'no'.
      upgrade: { enum: ['dist', 'full', 'no', 'safe', 'yes', true, false], default: 'no' },
      dpkg_options: { type: 'string', default: DPKG_OPTIONS },
      autoremove: { type: 'boolean', default: false },
      autoclean: { type: 'boolean', default: false },
      fail_on_autoremove: { type: 'boolean', default: false },
      policy_rc_d: { type: 'integer' },
      only_upgrade: { type: 'boolean', default: false },
      force_apt_get: { type: 'boolean', default: false },
      clean: { type: 'boolean', default: false },
      allow_unauthenticated: { type: 'boolean' },
      allow_downgrade: { type: 'boolean' },
      allow_change_held_packages: { type: 'boolean', default: false },
      lock_timeout: { type: 'integer', default: 60 },
    },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const args = canonical(ctx.args);
    const problem = argumentProblem(args);
    if (problem) return { changed: false, failed: true, msg: problem };
    const specs = (args.package as string[] | undefined) ?? [];
    const packages = specs.filter((spec) => spec !== '*').map((spec) => spec.trim());
    const upgradeAll = args.state === 'latest' && specs.includes('*');
    if (upgradeAll && packages.length > 0) return { changed: false, failed: true, msg: 'unable to install additional packages when upgrading all installed packages' };
    const invalid = packages.find((spec) => spec.split('=').length > 2);
    if (invalid) return { changed: false, failed: true, msg: `invalid package spec: ${invalid}` };
    const result = await ctx.exec(aptScript(ctx, args, packages, upgradeAll));
    return aptResult(ctx, result.stdout, result.rc, result.stderr);
  },
};

/** `upgrade: yes` (a YAML boolean) as the word Ansible takes it for. */
function canonical(given: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return typeof given.upgrade === 'boolean' ? { ...given, upgrade: given.upgrade ? 'yes' : 'no' } : { ...given };
}

/**
 * Ansible's mutually_exclusive (its required_one_of never fails: autoremove
 * and upgrade have defaults), and what cxplay does not do.
 */
function argumentProblem(args: Readonly<Record<string, unknown>>): string | undefined {
  const upgrade = args.upgrade !== 'no' ? args.upgrade : undefined;
  const exclusive = ['deb', 'package', 'upgrade'].filter((key) => (key === 'upgrade' ? upgrade : args[key]) !== undefined);
  if (exclusive.length > 1) return `parameters are mutually exclusive: deb|package|upgrade`;
  return undefined;
}

/** A package spec as the three words cx_apt_task takes: name, `=` / `>=` / empty, version (Ansible's package_split). */
function specWords(spec: string): string[] {
  const match = /^(.*?)(>?=)(.*)$/s.exec(spec);
  return match ? [match[1]!, match[2]!, match[3]!] : [spec, '', ''];
}

function aptScript(ctx: ModuleContext, args: Readonly<Record<string, unknown>>, packages: readonly string[], upgradeAll: boolean): string {
  const bool = (key: string) => String(args[key] === true);
  const recommends = args.install_recommends === undefined ? '' : args.install_recommends === true ? 'yes' : 'no';
  const settings: Record<string, string> = {
    apt_check: String(ctx.check),
    apt_state: String(args.state),
    apt_update: bool('update_cache'),
    apt_valid: String(args.cache_valid_time ?? 0),
    apt_upgrade: args.upgrade === 'no' ? '' : String(args.upgrade),
    apt_all: String(upgradeAll),
    apt_clean: bool('clean'),
    apt_purge: bool('purge'),
    apt_force: bool('force'),
    apt_autoremove: bool('autoremove'),
    apt_autoclean: bool('autoclean'),
    apt_fail_autoremove: bool('fail_on_autoremove'),
    apt_only_upgrade: bool('only_upgrade'),
    apt_force_apt_get: bool('force_apt_get'),
    apt_allow_unauth: bool('allow_unauthenticated'),
    apt_allow_downgrade: bool('allow_downgrade'),
    apt_allow_held: bool('allow_change_held_packages'),
    apt_recommends: recommends,
    apt_release: String(args.default_release ?? ''),
    apt_dpkg: String(args.dpkg_options),
    apt_deb: String(args.deb ?? ''),
    apt_policy: args.policy_rc_d === undefined || args.policy_rc_d === null ? '' : String(args.policy_rc_d),
  };
  if (isUrl(args.deb)) Object.assign(settings, downloadSettings(args.deb));
  const assignments = Object.entries(settings).map(([name, value]) => `${name}=${quote(value)}`).join('\n');
  const call = `cx_apt_task ${quoteWords(packages.flatMap(specWords))}`.trimEnd();
  const download = isUrl(args.deb) ? FLAG_FUNCTIONS + DOWNLOAD_FUNCTIONS : '';
  return `${REPORT_FUNCTIONS}${download}${APT_FUNCTIONS}${flushOnExit('cx_pkg_cleanup; cx_apt_fetch_cleanup')}\nexport DEBIAN_FRONTEND=noninteractive DEBIAN_PRIORITY=critical\n${assignments}\n${call}\n`;
}

/** A deb given as a URL (Ansible downloads any deb with `://` in it, commas and all). */
function isUrl(deb: unknown): deb is string {
  return typeof deb === 'string' && deb.includes('://');
}

/** What cx_apt_fetch and cx_download read: the request as Ansible's fetch_file makes it for apt (no url options of its own), and the file's name. */
function downloadSettings(url: string): Record<string, string> {
  const path = url.replace(/^[^:]*:\/\/[^/?#]*/, '').replace(/[?#].*$/s, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  return {
    apt_deb_name: ['', '.', '..'].includes(name) ? 'download' : name,
    ...FETCH_REQUEST,
  };
}

const APT_REPORT = {
  kind: 'text',
  changed: 'flag',
  stdout: 'text',
  stderr: 'text',
  rc: 'number',
  cache_updated: 'flag',
  cache_update_time: 'number',
  warning: 'text',
} as const;

/** The result keys of the exit the script took (Ansible's apt returns different keys from each). */
function aptResult(ctx: ModuleContext, stdout: string, rc: number, stderr: string): ModuleResult {
  const report = readReport(stdout, APT_REPORT);
  if (report.warning) ctx.warn(report.warning);
  const cache = { cache_updated: report.cache_updated === true, cache_update_time: report.cache_update_time ?? 0 };
  const output = report.stdout === undefined ? {} : outputLines(report.stdout, report.stderr);
  const failure = reportedFailure(report);
  if (failure) {
    const out: ModuleResult = { ...failure, ...output };
    // Ansible's install_deb fails with dpkg's output but not its exit code.
    if (report.rc !== undefined && report.kind !== 'deb') out.rc = report.rc;
    return report.kind === 'install' ? { ...out, ...cache } : out;
  }
  const changed = report.changed === true;
  const diff = ctx.diff ? preparedDiff(report.stdout ?? '') : {};
  switch (report.kind) {
    case 'cache':
      return { changed, ...cache };
    case 'install':
      return report.stdout === undefined ? { changed, ...cache } : { changed, ...output, diff, ...cache };
    case 'deb':
      // Ansible returns dpkg's prepared diff whether or not --diff was given, and '' when nothing was installed.
      return { changed, ...output, diff: changed ? preparedDiff(report.stdout ?? '') : '' };
    case 'remove':
    case 'cleanup':
      return report.stdout === undefined ? { changed } : { changed, ...output, diff };
    case 'upgrade':
      return changed ? { changed, msg: report.stdout ?? '', ...output, diff } : { changed, msg: report.stdout ?? '', ...output };
    default:
      return scriptFailure(rc, stderr);
  }
}
