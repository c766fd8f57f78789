/**
 * A module cxplay has no native version of, run through Ansible's module
 * protocol: one exec per task (engine/modules/python/script.ts) with the
 * arguments Ansible adds (`_ansible_check_mode`, `_ansible_diff`,
 * `_ansible_no_log`, ...), the module's JSON answer read back as its result.
 * The module checks its own arguments on the host, so nothing is checked at
 * load beyond the name; check and diff mode are the module's to honour (it
 * skips itself in check mode when it cannot predict, as under Ansible).
 */
import { readFileSync } from 'node:fs';
import type { ExecResult } from '../../connection/connection.js';
import type { ModuleContext, ModuleDef, ModuleResult } from '../module.js';
import type { LocatedModule } from './locate.js';
import { modulePayload } from './payload.js';
import { parseModuleOutput } from './result.js';
import type { PythonModuleSettings } from './settings.js';
import { DISCOVERY_MARKER, NO_PYTHON_MARKER, newStyleScript, wantJsonScript } from './script.js';

/** Ansible's DEFAULT_SELINUX_SPECIAL_FS. */
const SELINUX_SPECIAL_FS = ['fuse', 'nfs', 'vboxsf', 'ramfs', '9p', 'vfat'];
/** Values of ansible_python_interpreter that ask for discovery. */
const DISCOVERY = new Set(['', 'auto', 'auto_silent', 'auto_legacy', 'auto_legacy_silent']);

export function pythonModule(module: LocatedModule, settings: PythonModuleSettings): ModuleDef {
  return {
    name: module.name,
    argsSchema: { type: 'object' },
    checkMode: 'full',
    diffMode: 'full',
    runsOn: 'target',
    run: (ctx) => runPythonModule(module, settings, ctx),
  };
}

async function runPythonModule(module: LocatedModule, settings: PythonModuleSettings, ctx: ModuleContext): Promise<ModuleResult> {
  const interpreter = interpreterOf(ctx);
  // basic.py reads the arguments under ANSIBLE_MODULE_ARGS; a WANT_JSON module gets the object itself.
  const args = JSON.stringify(module.style === 'new' ? { ANSIBLE_MODULE_ARGS: moduleArgs(module, settings, ctx) } : moduleArgs(module, settings, ctx));
  const script = module.style === 'new' ? newStyleScript(interpreter, module.fqn, modulePayload(module), args) : wantJsonScript(interpreter, readFileSync(module.file), args);
  const { discovered, output } = discoveryOf(await ctx.exec(script));
  if (discovered === NO_PYTHON_MARKER.slice(DISCOVERY_MARKER.length)) {
    return {
      changed: false,
      failed: true,
      msg: `module '${module.name}' is an Ansible Python module and this host has no Python interpreter (looked for /usr/bin/python3, python3, /usr/libexec/platform-python, /usr/bin/python)`,
    };
  }
  const { result, warnings } = parseModuleOutput(output);
  for (const warning of warnings) ctx.warn(warning);
  for (const warning of asList(result.warnings)) ctx.warn(String(warning));
  // As Ansible: the interpreter found is a fact of the host from then on (later tasks do not look again).
  if (discovered !== undefined) result.ansible_facts = { ...(result.ansible_facts as Record<string, unknown> | undefined), discovered_interpreter_python: discovered };
  return result;
}

/** The interpreter the script found (its first line says), and the output without that line. */
function discoveryOf(output: ExecResult): { discovered: string | undefined; output: ExecResult } {
  if (!output.stdout.startsWith(DISCOVERY_MARKER)) return { discovered: undefined, output };
  const end = output.stdout.indexOf('\n');
  const line = end < 0 ? output.stdout : output.stdout.slice(0, end);
  return { discovered: line.slice(DISCOVERY_MARKER.length), output: { ...output, stdout: end < 0 ? '' : output.stdout.slice(end + 1) } };
}

/** The task's arguments plus what Ansible's action plugin adds for every module (ActionBase._update_module_args). */
function moduleArgs(module: LocatedModule, settings: PythonModuleSettings, ctx: ModuleContext): Record<string, unknown> {
  return {
    ...ctx.args,
    _ansible_check_mode: ctx.check,
    _ansible_no_log: ctx.noLog ?? false,
    _ansible_debug: false,
    _ansible_diff: ctx.diff,
    _ansible_verbosity: ctx.verbosity,
    _ansible_version: module.ansibleVersion,
    _ansible_module_name: module.name,
    _ansible_syslog_facility: 'LOG_USER',
    _ansible_selinux_special_fs: SELINUX_SPECIAL_FS,
    _ansible_string_conversion_action: 'warn',
    _ansible_socket: null,
    _ansible_shell_executable: '/bin/sh',
    _ansible_keep_remote_files: false,
    _ansible_tmpdir: null,
    _ansible_remote_tmp: ctx.evaluate(`ansible_remote_tmp | default(${JSON.stringify(settings.remoteTmp)})`),
  };
}

/** ansible_python_interpreter as words (`/usr/bin/env python3`), else the one found before, or undefined to discover one on the host. */
export function interpreterOf(ctx: ModuleContext): readonly string[] | undefined {
  const value = ctx.evaluate('ansible_python_interpreter | default(discovered_interpreter_python | default(""))');
  const text = typeof value === 'string' ? value.trim() : '';
  return DISCOVERY.has(text) ? undefined : text.split(/\s+/);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
