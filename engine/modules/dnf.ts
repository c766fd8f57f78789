/**
 * dnf: RPM packages installed, upgraded, removed, listed and the cache
 * made, as Ansible 2.14's dnf decides, in one exec: engine/modules/sh/dnf.sh
 * asks rpm (the installroot's database with `installroot`) what is installed
 * (Ansible's _is_installed and _is_newer_version_installed), then runs dnf install / upgrade / remove /
 * autoremove (--assumeno in check mode) with the task's options as dnf's
 * own command-line options, and reads the results from dnf's transaction
 * table. No Python on the host. Not supported: module streams
 * (@module:stream); a group's results are dnf's package lines, not
 * "Group X installed.". The yum module (yum.ts) runs the same code.
 */
import { quote, quoteWords } from '../connection/quote.js';
import { shellCode } from './lib/shell-code.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { splitLines } from './lib/run-command.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import DNF_SH from './sh/dnf.sh';
import PKG_SH from './sh/pkg.sh';

const DNF_FUNCTIONS = shellCode(PKG_SH) + shellCode(DNF_SH);
const names = { type: 'array', items: { type: 'string' } } as const;
const flag = { type: 'boolean', default: false } as const;

/** The arguments Ansible's dnf and yum share (module_utils/yumdnf.py), with dnf's own two. */
export const DNF_PROPERTIES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  allow_downgrade: flag,
  autoremove: flag,
  bugfix: flag,
  cacheonly: flag,
  conf_file: { type: 'string' },
  disable_excludes: { type: 'string' },
  disable_gpg_check: flag,
  disable_plugin: names,
  disablerepo: names,
  download_only: flag,
  download_dir: { type: 'string' },
  enable_plugin: names,
  enablerepo: names,
  exclude: names,
  installroot: { type: 'string', default: '/' },
  install_repoquery: { type: 'boolean', default: true },
  install_weak_deps: { type: 'boolean', default: true },
  list: { type: 'string' },
  name: names,
  releasever: { type: 'string' },
  security: flag,
  skip_broken: flag,
  state: { enum: ['absent', 'installed', 'latest', 'present', 'removed'] },
  update_cache: flag,
  update_only: flag,
  validate_certs: { type: 'boolean', default: true },
  sslverify: { type: 'boolean', default: true },
  lock_timeout: { type: 'integer', default: 30 },
  allowerasing: flag,
  nobest: flag,
};

/** The aliases of module_utils/yumdnf.py's arguments, in its order. */
export const DNF_ALIASES: Readonly<Record<string, string>> = { pkg: 'name', 'expire-cache': 'update_cache' };

export const dnfModule: ModuleDef = {
  name: 'dnf',
  argumentAliases: DNF_ALIASES,
  argsSchema: { type: 'object', properties: DNF_PROPERTIES, additionalProperties: false },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  run: (ctx) => runDnf(ctx, 'dnf', 'dnf'),
};

type Args = Readonly<Record<string, unknown>>;
const list = (value: unknown): string[] => ((value as string[] | undefined) ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');

/** The dnf module's run, with TOOL (dnf, or yum for yum3) as the command. */
export async function runDnf(ctx: ModuleContext, module: string, tool: string): Promise<ModuleResult> {
  const { args } = ctx;
  const specs = list(args.name);
  const problem = argumentProblem(args, specs);
  if (problem) return { changed: false, failed: true, msg: problem, results: [] };
  const state = args.state === undefined ? (args.autoremove === true ? 'absent' : 'present') : String(args.state);
  if (args.autoremove === true && state !== 'absent' && state !== 'removed') return { changed: false, failed: true, msg: 'Autoremove should be used alone or with state=absent', results: [] };
  const absent = state === 'absent' || state === 'removed';
  const words = specs.length === 1 && specs[0] === '*' && state === 'latest' ? [] : specs.map(specWords);
  if (absent && words.some(([kind]) => kind === 'file' || kind === 'url')) return { changed: false, failed: true, msg: 'Cannot remove paths -- please specify package name.', results: [] };
  const stream = specs.find((spec) => /^@.*:/.test(spec));
  if (stream) return { changed: false, failed: true, msg: `${module}: ${stream}: module streams are not supported by cxplay's native ${module} module; enable the stream with a command task (dnf -y module enable ...), then install its packages by name`, results: [] };
  const cacheOnly = args.update_cache === true && specs.length === 0 && args.list === undefined;
  const mode = cacheOnly ? 'cache' : words.length === 0 && specs.length > 0 ? 'all' : absent ? 'absent' : state;
  const result = await ctx.exec(dnfScript(ctx, args, { module, tool, state: mode }, words.flat()));
  return dnfResult(ctx, result.stdout, result.rc, result.stderr);
}

/**
 * Ansible's mutually_exclusive, and its check for a space-separated list.
 * (Its required_one_of name|list|update_cache never fails: name defaults to [].)
 */
function argumentProblem(args: Args, specs: readonly string[]): string | undefined {
  if (specs.length > 0 && args.list !== undefined) return 'parameters are mutually exclusive: name|list';
  if (specs.some((spec) => spec.includes(' ') && !/[@><=]/.test(spec))) {
    return 'It appears that a space separated string of packages was passed in as an argument. To operate on several packages, pass a comma separated string of packages or a list of packages.';
  }
  return undefined;
}

const RPM_ARCHES = new Set(['aarch64', 'alpha', 'amd64', 'armv7hl', 'armv7l', 'athlon', 'i386', 'i486', 'i586', 'i686', 'ia64', 'mips', 'mipsel', 'mips64', 'mips64el', 'noarch', 'ppc', 'ppc64', 'ppc64le', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'x86_64']);

/**
 * A name as the words cx_dnf_task takes: its kind and the spec, and for a
 * NAME-[EPOCH:]VERSION-RELEASE[.ARCH] spec (Ansible's _packagename_dict) the
 * name and EPOCH:VERSION-RELEASE.
 */
function specWords(spec: string): string[] {
  if (spec.includes('://')) return ['url', spec];
  if (spec.endsWith('.rpm')) return ['file', spec];
  if (spec.startsWith('@') || (spec.includes('/') && !spec.startsWith('/'))) return ['group', `@${spec.replace(/^@/, '').trim()}`];
  if (/[*?[]/.test(spec)) return ['glob', spec];
  const dot = spec.lastIndexOf('.');
  const bare = dot > 0 && RPM_ARCHES.has(spec.slice(dot + 1)) ? spec.slice(0, dot) : spec;
  const match = /^(\S+)-(?:(\d*):)?(.*)-(~?\w+[\w.+]*)$/.exec(bare);
  if (!match || !/^\d/.test(match[3]!.split('.')[0]!)) return ['pkg', spec];
  let [, name, epoch, version, release] = match as unknown as [string, string, string | undefined, string, string];
  if (name.includes(':')) [epoch, name] = [name.split(':')[0], name.split(':').slice(1).join('')];
  return ['nevr', spec, name, `${epoch || '0'}:${version}-${release}`];
}

/** dnf's global options for the task's arguments, as words. */
function globalOptions(args: Args): string[] {
  const given = (key: string) => args[key] !== undefined && args[key] !== null;
  const options: string[] = [];
  const add = (on: boolean, ...words: string[]) => on && options.push(...words);
  add(given('conf_file'), '-c', String(args.conf_file));
  add(args.disable_gpg_check === true, '--nogpgcheck');
  add(given('installroot') && args.installroot !== '/', `--installroot=${String(args.installroot)}`);
  add(given('releasever'), `--releasever=${String(args.releasever)}`);
  for (const pattern of list(args.exclude)) options.push(`--exclude=${pattern}`);
  add(given('disable_excludes'), `--disableexcludes=${String(args.disable_excludes)}`);
  add(args.skip_broken === true, '--skip-broken');
  add(args.nobest === true, '--nobest');
  add(args.allowerasing === true, '--allowerasing');
  add(args.install_weak_deps === false, '--setopt=install_weak_deps=False');
  add(args.cacheonly === true, '-C');
  add(args.sslverify === false, '--setopt=sslverify=False');
  // Ansible disables first, then enables (a repo named in both ends enabled).
  for (const repo of list(args.disablerepo)) options.push(`--disablerepo=${repo}`);
  for (const repo of list(args.enablerepo)) options.push(`--enablerepo=${repo}`);
  for (const plugin of list(args.disable_plugin)) options.push(`--disableplugin=${plugin}`);
  for (const plugin of list(args.enable_plugin)) options.push(`--enableplugin=${plugin}`);
  add(args.security === true, '--security');
  add(args.bugfix === true, '--bugfix');
  add(args.download_only === true, '--downloadonly');
  add(given('download_dir') && args.download_only === true, `--downloaddir=${String(args.download_dir)}`);
  add(args.update_cache === true, '--refresh');
  options.push(`--setopt=clean_requirements_on_remove=${args.autoremove === true ? 'True' : 'False'}`);
  return options;
}

function dnfScript(ctx: ModuleContext, args: Args, run: { module: string; tool: string; state: string }, words: readonly string[]): string {
  const bool = (key: string) => String(args[key] === true);
  const settings: Record<string, string> = {
    dnf_module: run.module,
    dnf_tool: run.tool,
    dnf_check: String(ctx.check),
    dnf_state: run.state,
    dnf_list: String(args.list ?? ''),
    dnf_conf: String(args.conf_file ?? ''),
    dnf_root: args.installroot === undefined || args.installroot === '/' ? '' : String(args.installroot),
    dnf_update_cache: bool('update_cache'),
    dnf_update_only: bool('update_only'),
    dnf_allow_downgrade: bool('allow_downgrade'),
    dnf_autoremove: bool('autoremove'),
    dnf_download_only: bool('download_only'),
    dnf_action: args.download_only === true ? 'Downloaded' : 'Installed',
  };
  const assignments = Object.entries(settings).map(([name, value]) => `${name}=${quote(value)}`).join('\n');
  const runner = `cx_dnf() { cx_pkg_run "$cx_dnf_bin" ${quoteWords(globalOptions(args))} "$@"; }`;
  const call = `cx_dnf_task ${quoteWords(words)}`.trimEnd();
  return `${REPORT_FUNCTIONS}${DNF_FUNCTIONS}${flushOnExit('cx_pkg_cleanup')}\n${assignments}\n${runner}\n${call}\n`;
}

const DNF_REPORT = { kind: 'text', without_results: 'text', results: 'text', failures: 'text', list: 'text', stdout: 'text', stderr: 'text', rc: 'number', conf_file: 'text' } as const;

function dnfResult(ctx: ModuleContext, stdout: string, rc: number, stderr: string): ModuleResult {
  const report = readReport(stdout, DNF_REPORT);
  // A failed signature check is Ansible's one failure without results.
  const failure = reportedFailure(report, report.without_results === 'true' ? {} : { results: [] });
  if (failure) {
    const out: ModuleResult = { ...failure };
    if (report.failures !== undefined) out.failures = splitLines(report.failures);
    if (report.rc !== undefined) out.rc = report.rc;
    if (report.conf_file !== undefined) out.conf_file = report.conf_file;
    return out;
  }
  switch (report.kind) {
    case 'cache':
      return { changed: false, msg: 'Cache updated', results: [], rc: 0 };
    case 'list':
      return { changed: false, msg: '', results: listResults(String(ctx.args.list), report.list ?? '') };
    case 'ensure': {
      const results = inSackOrder(splitLines(report.results ?? '').filter((line) => line !== ''));
      const changed = results.some((line) => /^(Installed|Downloaded|Removed): /.test(line));
      const msg = !changed ? 'Nothing to do' : ctx.check ? 'Check mode: No changes made, but would have if not in check mode' : '';
      return { changed, msg, results, rc: 0 };
    }
    default:
      return scriptFailure(rc, stderr);
  }
}

/**
 * The results as Ansible lists them: its messages first, then dnf's install
 * set and its remove set, each a Python set of packages, which iterates in
 * the package sack's order: by name (libsolv reads the rpm database by name,
 * and createrepo_c lists a repository by name), not dnf's table's order.
 */
function inSackOrder(results: readonly string[]): string[] {
  const group = (line: string) => (/^(Installed|Downloaded): /.test(line) ? 1 : line.startsWith('Removed: ') ? 2 : 0);
  const order = (a: string, b: string) => group(a) - group(b) || (group(a) === 0 ? 0 : a < b ? -1 : a > b ? 1 : 0);
  return [...results].sort(order);
}

/** Ansible's list results: the enabled repos, or a dict a package (_package_dict). */
function listResults(what: string, output: string): Record<string, string>[] {
  const lines = splitLines(output).filter((line) => line.trim() !== '');
  if (what === 'repos' || what === 'repositories') {
    return lines.filter((line) => !line.startsWith('repo id')).map((line) => ({ repoid: line.split(/\s+/)[0]!, state: 'enabled' }));
  }
  return lines.map((line) => {
    const [name = '', epoch = '0', version = '', release = '', arch = '', repo = '', installtime = '0'] = line.split('\t');
    const envra = `${epoch}:${name}-${version}-${release}.${arch}`;
    return { name, arch, epoch, release, version, repo, envra, nevra: envra, yumstate: installtime === '0' || installtime === '' ? 'available' : 'installed' };
  });
}
