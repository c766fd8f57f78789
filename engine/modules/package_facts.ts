/**
 * package_facts: the installed packages as the `packages` fact, a dict of
 * lists (a name may be installed in several versions), as Ansible 2.14's
 * package_facts gives them for apt (name, version, arch, category, origin)
 * and rpm (name, version, release, epoch, arch), each with its `source`.
 * One exec reads dpkg-query (and apt-cache policy for the origins) or
 * `rpm -qa`, where Ansible uses python-apt and the rpm Python library. With
 * `auto` apt is tried before rpm.
 */
import { quoteWords } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import type { ModuleDef } from './module.js';
import PACKAGE_FACTS_SH from './sh/package_facts.sh';

const MANAGERS = ['apt', 'rpm'];
/** The managers Ansible 2.14 knows that cxplay does not read. */
const NOT_READ = ['apk', 'pacman', 'pkg', 'pkg_info', 'portage'];
const FACTS_REPORT = { found: 'text', apt: 'text', apt_sources: 'text', apt_policy: 'text', rpm: 'text' } as const;

type Package = Record<string, string | null>;

export const packageFactsModule: ModuleDef = {
  name: 'package_facts',
  argsSchema: {
    type: 'object',
    properties: {
      manager: { type: 'array', items: { type: 'string' }, default: ['auto'] },
      strategy: { enum: ['first', 'all'], default: 'first' },
    },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  gathersFacts: true,
  factNames: ['packages'],
  async run(ctx) {
    const asked = (ctx.args.manager as string[]).map((name) => name.toLowerCase());
    const managers = asked.includes('auto') ? [...new Set([...asked.filter((name) => name !== 'auto'), ...MANAGERS])] : [...new Set(asked)];
    const unsupported = managers.filter((name) => !MANAGERS.includes(name));
    if (unsupported.length > 0) {
      const known = unsupported.filter((name) => NOT_READ.includes(name));
      if (known.length > 0) return { changed: false, failed: true, msg: `package_facts: cxplay reads apt and rpm only, not ${known.join(', ')}` };
      return { changed: false, failed: true, msg: asked.includes('auto') ? 'Could not auto detect a usable package manager, check warnings for details.' : `Unsupported package managers requested: ${unsupported.join(', ')}` };
    }
    const result = await ctx.exec(`${REPORT_FUNCTIONS}${shellCode(PACKAGE_FACTS_SH)}cx_package_facts ${quoteWords([String(ctx.args.strategy), ...managers])}\n`);
    const report = readReport(result.stdout, FACTS_REPORT);
    if (report.found === undefined) return scriptFailure(result.rc, result.stderr);
    if (report.found === '') {
      return { changed: false, failed: true, msg: `Could not detect a supported package manager from the following list: ${pythonList(managers)}, or the required Python library is not installed. Check warnings for details.` };
    }
    const packages: Record<string, Package[]> = {};
    const add = (item: Package) => (packages[item.name!] ??= []).push(item);
    if (report.found.split(' ').includes('apt')) for (const item of aptPackages(report.apt ?? '', report.apt_sources ?? '', report.apt_policy ?? '')) add(item);
    if (report.found.split(' ').includes('rpm')) for (const item of rpmPackages(report.rpm ?? '')) add(item);
    return { changed: false, ansible_facts: { packages } };
  },
};

function pythonList(names: readonly string[]): string {
  return `[${names.map((name) => `'${name}'`).join(', ')}]`;
}

/** dpkg-query's lines, with each installed version's origin from apt-cache policy, by name (python-apt's order). */
function aptPackages(list: string, sources: string, policy: string): Package[] {
  const origins = installedOrigins(policy, sourceOrigins(sources));
  return lines(list).sort().map((line) => {
    const [name = '', version = '', arch = '', category = ''] = line.split('\t');
    return { name, version, arch, category, origin: origins.get(name) ?? '', source: 'apt' };
  });
}

/** `apt-cache policy`: each package file and the origin (o=) of its release. */
function sourceOrigins(sources: string): Map<string, string> {
  const origins = new Map<string, string>();
  let source: string | undefined;
  for (const line of lines(sources)) {
    const file = /^ -?\d+ (.+)$/.exec(line);
    if (file) source = file[1];
    const release = /^\s+release (.*)$/.exec(line);
    if (release && source !== undefined) origins.set(source, /(?:^|,)o=([^,]*)/.exec(release[1]!)?.[1] ?? '');
  }
  return origins;
}

/** `apt-cache policy NAMES`: the origin of the first package file that has each installed version (python-apt's origins[0]). */
function installedOrigins(policy: string, origins: ReadonlyMap<string, string>): Map<string, string> {
  const found = new Map<string, string>();
  let name: string | undefined;
  let installedLine = false;
  for (const line of lines(policy)) {
    const header = /^(\S+):$/.exec(line);
    if (header) [name, installedLine] = [header[1], false];
    else if (/^ \*\*\* /.test(line)) installedLine = true;
    else if (/^ {5}\S/.test(line)) installedLine = false;
    else if (installedLine && name !== undefined && !found.has(name)) {
      const file = /^ {8}-?\d+ (.+)$/.exec(line);
      if (file) found.set(name, origins.get(file[1]!) ?? '');
    }
  }
  return found;
}

/** rpm -qa's lines; an epoch rpm does not have is None (null) as the rpm library gives it. */
function rpmPackages(list: string): Package[] {
  return lines(list).map((line) => {
    const [name = '', version = '', release = '', epoch = '', arch = ''] = line.split('\t');
    return { name, version, release, epoch: epoch === '(none)' ? null : epoch, arch, source: 'rpm' };
  });
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
