/**
 * apt_repository: a `deb`/`deb-src` line added to (enabled in) or removed
 * from the host's apt sources, as Ansible 2.14's module does it, in one exec
 * and without python-apt (engine/modules/sh/apt_repository.sh: apt-config
 * says where the sources are). The line and the file it goes to are worked
 * out here, as Ansible's SourcesList does. `ppa:` repositories are refused:
 * they need Launchpad's API and a signing key. install_python_apt,
 * validate_certs and codename only matter to Python or to PPAs: accepted.
 */
import { quote } from '../connection/quote.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import APT_REPOSITORY_SH from './sh/apt_repository.sh';

const AR_FUNCTIONS = shellCode(APT_REPOSITORY_SH);
const VALID_SOURCE_TYPES = new Set(['deb', 'deb-src']);

export const aptRepositoryModule: ModuleDef = {
  name: 'apt_repository',
  argsSchema: {
    type: 'object',
    properties: {
      repo: { type: 'string' },
      state: { enum: ['absent', 'present'], default: 'present' },
      mode: { type: ['string', 'integer'] },
      update_cache: { type: 'boolean', default: true },
      'update-cache': { type: 'boolean' },
      update_cache_retries: { type: 'integer', default: 5 },
      update_cache_retry_max_delay: { type: 'integer', default: 12 },
      filename: { type: 'string' },
      install_python_apt: { type: 'boolean', default: true },
      validate_certs: { type: 'boolean', default: true },
      codename: { type: 'string' },
    },
    required: ['repo'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const args = ctx.args;
    const repo = String(args.repo);
    if (repo === '') return { changed: false, failed: true, msg: "Please set argument 'repo' to a non-empty value" };
    if (repo.startsWith('ppa:')) return { changed: false, failed: true, msg: 'apt_repository: ppa: repositories are not supported by cxplay (they need Launchpad and its signing key); give the deb line and the key' };
    const source = validSource(repo);
    if (typeof source !== 'string') return { changed: false, failed: true, msg: `Invalid repository string: ${source.invalid}` };
    const mode = modeOf(args.mode);
    if (mode === null) return { changed: false, failed: true, msg: `apt_repository: mode must be octal digits (such as '0644'); got ${String(args.mode)}` };
    const result = await ctx.exec(script(ctx, source, suggestedFile(source, args.filename as string | undefined), mode));
    return repositoryResult(ctx, result.stdout, result.rc, result.stderr, repo);
  },
};

/** Ansible's _parse of a line that must be an enabled, valid source: the line with single spaces, else what was wrong. */
function validSource(line: string): string | { invalid: string } {
  let text = line.trim();
  const enabled = !text.startsWith('#');
  if (!enabled) text = text.slice(1);
  const hash = text.indexOf('#');
  if (hash > 0) text = text.slice(0, hash);
  const chunks = text.trim().split(/\s+/).filter(Boolean);
  if (!enabled || chunks.length === 0 || !VALID_SOURCE_TYPES.has(chunks[0]!)) return { invalid: text };
  return chunks.join(' ');
}

/** Ansible's _suggest_filename: `filename` + .list, else the host of the repository's URL with its non-alphanumerics as _. */
function suggestedFile(source: string, filename: string | undefined): string {
  if (filename !== undefined) return `${filename}.list`;
  const line = source.replace(/\[[^\]]+\]/g, '').replace(/\w+:\/\//g, '');
  const parts = line.split(/\s+/).filter((part) => part !== '' && !VALID_SOURCE_TYPES.has(part));
  const first = (parts[0] ?? '').split('@').at(-1)!;
  return `${first.replace(/[^a-zA-Z0-9]/g, ' ').split(/\s+/).filter(Boolean).join('_')}.list`;
}

/** `mode` as chmod takes it: octal text as written, a YAML number as Ansible reads an int (the permission bits). */
function modeOf(mode: unknown): string | null {
  if (mode === undefined || mode === null) return '';
  if (typeof mode === 'number') return mode.toString(8);
  return /^[0-7]{1,4}$/.test(String(mode)) ? String(mode) : null;
}

function script(ctx: ModuleContext, source: string, file: string, mode: string): string {
  const args = ctx.args;
  const settings: Record<string, string> = {
    ar_source: source,
    ar_file: file,
    ar_state: String(args.state),
    ar_mode: mode,
    ar_update: String((args['update-cache'] ?? args.update_cache) === true),
    ar_retries: String(args.update_cache_retries),
    ar_max_delay: String(args.update_cache_retry_max_delay),
    ar_check: String(ctx.check),
    ar_diff: String(ctx.diff),
  };
  const assignments = Object.entries(settings).map(([name, value]) => `${name}=${quote(value)}`).join('\n');
  return `${REPORT_FUNCTIONS}${AR_FUNCTIONS}${flushOnExit('cx_ar_cleanup')}\n${assignments}\ncx_ar_task\n`;
}

const AR_REPORT = { changed: 'flag', diffs: 'text' } as const;

function repositoryResult(ctx: ModuleContext, stdout: string, rc: number, stderr: string, repo: string): ModuleResult {
  const report = readReport(stdout, AR_REPORT);
  const failure = reportedFailure(report);
  if (failure) return failure;
  if (report.changed === undefined) return scriptFailure(rc, stderr);
  const changed = report.changed === true;
  const diff = changed && ctx.diff ? diffsOf(report.diffs ?? '') : {};
  return { changed, repo, state: ctx.args.state, diff };
}

/** The files before and after, as Ansible's diff list gives them (a file with no line is /dev/null). */
function diffsOf(text: string): Record<string, string>[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [path = '', before = '', after = ''] = line.split('\t');
      const decode = (value: string) => Buffer.from(value, 'base64').toString('utf8');
      return { before: decode(before), after: decode(after), before_header: before === '' ? '/dev/null' : path, after_header: after === '' ? '/dev/null' : path };
    });
}
