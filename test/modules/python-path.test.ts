/**
 * The Python path's parts on this machine, no lab: which Python files a
 * module's payload carries (imports followed, relative ones in collections
 * too), that the payload is a zip Python reads, a module run in one exec with
 * Ansible's arguments, Ansible's reading of module output, and the load-time
 * answers (Python path taken, forced, or refused with the reason).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import { loadPlaybook } from '../../engine/load/playbook.js';
import { SourceCache } from '../../engine/load/source-cache.js';
import type { ModuleTask } from '../../engine/load/model.js';
import { ansibleCore } from '../../engine/modules/python/ansible-core.js';
import { importedNames } from '../../engine/modules/python/imports.js';
import { locateModule } from '../../engine/modules/python/locate.js';
import { modulePayload } from '../../engine/modules/python/payload.js';
import { pythonModule } from '../../engine/modules/python/python-module.js';
import { parseModuleOutput } from '../../engine/modules/python/result.js';
import { DEFAULT_PYTHON_SETTINGS, pythonSettingsFrom } from '../../engine/modules/python/settings.js';
import { loadConfig } from '../../engine/config/config.js';
import { VaultKeyring } from '../../engine/vault/keyring.js';
import { PlainView } from '../../engine/views/plain/plain-view.js';
import type { TaskRef } from '../../engine/events.js';
import { runModule, tempDir } from './context.js';

const work = tempDir();
afterAll(() => work.cleanup());
const core = ansibleCore();
/** The Python ansible-core is installed for (the payload test lists the zip with it). */
const python = '/usr/bin/python3';

function write(path: string, text: string): string {
  const full = join(work.path, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

function zipNames(payload: Buffer): string[] {
  const file = join(work.path, 'payload.zip');
  writeFileSync(file, payload);
  const list = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))';
  return execFileSync(python, ['-c', list, file], { encoding: 'utf8' }).trim().split('\n');
}

describe('imports a payload follows', () => {
  it('reads import and from-import forms, parenthesised lists, aliases and relative imports', () => {
    const source = [
      'import os',
      'from ansible.module_utils.basic import AnsibleModule',
      'from ansible.module_utils.common.text.converters import (',
      '    to_bytes,  # bytes',
      '    to_native as native,',
      ')',
      'import ansible.module_utils.six as six',
      'try:',
      '    from ..module_utils.greet import greeting',
      'except ImportError:',
      '    pass',
      'from ansible_collections.acme.tools.plugins.module_utils import other',
    ].join('\n');
    expect(importedNames(source, 'ansible_collections.acme.tools.plugins.modules.hello', false)).toEqual([
      'ansible.module_utils.basic.AnsibleModule',
      'ansible.module_utils.basic',
      'ansible.module_utils.common.text.converters.to_bytes',
      'ansible.module_utils.common.text.converters.to_native',
      'ansible.module_utils.common.text.converters',
      'ansible_collections.acme.tools.plugins.module_utils.greet.greeting',
      'ansible_collections.acme.tools.plugins.module_utils.greet',
      'ansible_collections.acme.tools.plugins.module_utils.other',
      'ansible_collections.acme.tools.plugins.module_utils',
      'ansible.module_utils.six',
    ]);
  });
});

describe.skipIf(!core)('payload and run', () => {
  const settings = DEFAULT_PYTHON_SETTINGS;

  it("carries ansible-core's getent with every module_utils file it imports, in a zip Python reads, built once", () => {
    const getent = locateModule('ansible.builtin.getent', { playDir: work.path, search: settings })!;
    expect(getent).toMatchObject({ file: join(core!.dir, 'modules', 'getent.py'), fqn: 'ansible.modules.getent', style: 'new' });
    const payload = modulePayload(getent);
    expect(modulePayload(getent)).toBe(payload);
    const names = zipNames(payload);
    for (const name of ['ansible/__init__.py', 'ansible/modules/getent.py', 'ansible/module_utils/basic.py', 'ansible/module_utils/common/text/converters.py', 'ansible/module_utils/common/__init__.py', 'ansible/module_utils/six/__init__.py']) {
      expect(names).toContain(name);
    }
  });

  it('follows a collection module\'s relative import of its own module_utils, and runs it in one exec with Ansible\'s arguments', async () => {
    const root = join(work.path, 'collections');
    write('collections/ansible_collections/acme/tools/plugins/module_utils/greet.py', 'def greeting(name):\n    return "hello " + name\n');
    write(
      'collections/ansible_collections/acme/tools/plugins/modules/hello.py',
      [
        'from ansible.module_utils.basic import AnsibleModule',
        'from ..module_utils.greet import greeting',
        'module = AnsibleModule(argument_spec=dict(name=dict(type="str")), supports_check_mode=True)',
        'print("a line before the JSON")',
        'module.exit_json(changed=False, greeting=greeting(module.params["name"]), check_mode=module.check_mode, diff=module._diff, verbosity=module._verbosity, name_told=module._name)',
      ].join('\n'),
    );
    const hello = locateModule('acme.tools.hello', { playDir: work.path, search: { ...settings, collections: [root] } })!;
    expect(hello.fqn).toBe('ansible_collections.acme.tools.plugins.modules.hello');
    expect(zipNames(modulePayload(hello))).toContain('ansible_collections/acme/tools/plugins/module_utils/greet.py');
    const { result, execs } = await runModule(pythonModule(hello, settings), { args: { name: 'world' }, check: true, diff: true, verbosity: 2, vars: { ansible_python_interpreter: python } });
    expect(execs).toBe(1);
    expect(result).toMatchObject({ changed: false, greeting: 'hello world', check_mode: true, diff: true, verbosity: 2, name_told: 'acme.tools.hello', invocation: { module_args: { name: 'world' } } });
  });

  it('runs a WANT_JSON script with its arguments in a JSON file, and refuses old-style and binary modules', async () => {
    const script = write('library/want.sh', '#!/bin/sh\n# WANT_JSON\nprintf \'{"changed": true, "args": %s}\\n\' "$(cat "$1")"\n');
    chmodSync(script, 0o755);
    const want = locateModule('want', { playDir: work.path, search: settings })!;
    expect(want.style).toBe('want_json');
    const { result } = await runModule(pythonModule(want, settings), { args: { a: 1 } });
    // The file held Ansible's _ansible_* keys too; they are stripped from what the module returns, as Ansible strips them.
    expect(result).toEqual({ changed: true, args: { a: 1 } });
    write('library/oldstyle.py', 'print("{}")\n');
    expect(() => locateModule('oldstyle', { playDir: work.path, search: settings })).toThrow(/old-style module/);
    writeFileSync(join(work.path, 'library', 'binary'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    expect(() => locateModule('binary', { playDir: work.path, search: settings })).toThrow(/binary module/);
  });
});

describe("reading a module's output as Ansible does", () => {
  it('drops lines around the JSON (warning about trailing ones) and internal keys at every depth, and splits stdout into lines', () => {
    const { result, warnings } = parseModuleOutput({ rc: 0, stdout: 'motd\n{"changed": true, "_ansible_no_log": false, "stdout": "a\\nb\\n", "nested": {"_ansible_x": 1, "y": 2}}\ntrailing junk\n', stderr: '' });
    expect(result).toEqual({ changed: true, stdout: 'a\nb\n', stdout_lines: ['a', 'b'], nested: { y: 2 } });
    expect(warnings).toEqual(['Module invocation had junk after the JSON data: trailing junk\n']);
  });

  it('gives MODULE FAILURE with the output and the traceback when there is no JSON object', () => {
    const stderr = 'Traceback (most recent call last):\nRuntimeError: crash\n';
    expect(parseModuleOutput({ rc: 1, stdout: '', stderr }).result).toEqual({
      changed: false,
      failed: true,
      msg: 'MODULE FAILURE\nSee stdout/stderr for the exact error',
      module_stdout: '',
      module_stderr: stderr,
      exception: stderr,
      rc: 1,
    });
  });
});

describe("a Python module's failure in the plain view, as Ansible's callback shows it", () => {
  const traceback = 'Traceback (most recent call last):\n  File "x.py", line 1\nRuntimeError: crash\n';
  const result = { changed: false, failed: true, msg: 'MODULE FAILURE', exception: traceback, invocation: { module_args: { a: 1 } } };

  function shown(verbosity: number): string {
    let text = '';
    const out = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
    const view = new PlainView({ out, isTTY: false, verbosity, diff: false, color: false, playbookName: 'p' });
    const task: TaskRef = { id: 'boom', name: 'boom', module: 'boom', at: undefined, index: 1, total: 1, isHandler: false, showsResult: false };
    view.handle({ kind: 'host_result', host: 'h', task, status: 'failed', ignored: false, result, durationMs: 0, time: 0 });
    return text;
  }

  it('names the exception in one line and leaves the traceback and the echoed arguments out, below -vvv', () => {
    expect(shown(0)).toBe('An exception occurred during task execution. To see the full traceback, use -vvv. The error was: RuntimeError: crash\nfatal: [h]: FAILED! => {"changed": false, "msg": "MODULE FAILURE"}\n');
  });

  it('shows the whole traceback and the arguments from -vvv', () => {
    expect(shown(3)).toBe(`The full traceback is:\n${traceback.trimEnd()}\nfatal: [h]: FAILED! => {"changed": false, "invocation": {"module_args": {"a": 1}}, "msg": "MODULE FAILURE"}\n`);
  });
});

describe.skipIf(!core)('at load', () => {
  function load(tasks: unknown[], forcePython: string[] = []): ModuleTask[] {
    const file = write('play.yaml', JSON.stringify([{ hosts: 'all', gather_facts: false, tasks }]));
    const sources = new SourceCache(new VaultKeyring(), [], { ...DEFAULT_PYTHON_SETTINGS, forcePython });
    return loadPlaybook(file, sources).plays[0]!.tasks as ModuleTask[];
  }

  function loadError(tasks: unknown[]): string {
    try {
      load(tasks);
    } catch (error) {
      if (error instanceof CxError) return error.describe();
      throw error;
    }
    throw new Error('the playbook loaded');
  }

  it('keeps the native path for modules cxplay has, and takes the Python path for the others or when forced', () => {
    const [ping, getent] = load([{ ping: {} }, { 'ansible.builtin.getent': { database: 'passwd' } }]);
    expect(ping!.python).toBeUndefined();
    expect(getent).toMatchObject({ module: 'ansible.builtin.getent', python: { file: join(core!.dir, 'modules', 'getent.py') } });
    const [forced] = load([{ 'ansible.builtin.ping': { data: 'x' } }], ['ping']);
    expect(forced!.python?.file).toBe(join(core!.dir, 'modules', 'ping.py'));
  });

  it('reads library, collections_paths, remote_tmp and python_modules from ansible.cfg, ANSIBLE_LIBRARY winning', () => {
    const dir = join(work.path, 'configured');
    write('configured/ansible.cfg', '[defaults]\nlibrary = mods\ncollections_paths = colls\nremote_tmp = /var/tmp/mine\n[cxplay]\npython_modules = ping, stat\n');
    expect(pythonSettingsFrom(loadConfig(dir, {}))).toMatchObject({ library: [join(dir, 'mods')], collections: [join(dir, 'colls')], remoteTmp: '/var/tmp/mine', forcePython: ['ping', 'stat'] });
    expect(pythonSettingsFrom(loadConfig(dir, { ANSIBLE_LIBRARY: '/opt/a:/opt/b' })).library).toEqual(['/opt/a', '/opt/b']);
  });

  it('refuses a module found nowhere (did you mean) and one that needs an action plugin, naming the line', () => {
    expect(loadError([{ getnet: { database: 'passwd' } }])).toMatch(/play\.yaml:1:\d+: unknown module 'getnet' — did you mean 'getent'\?/);
    // A collection's module with an action plugin of the same name (ansible-core's own all have a native version).
    write('collections/ansible_collections/acme/tools/plugins/modules/deploy.py', 'from ansible.module_utils.basic import AnsibleModule\n');
    write('collections/ansible_collections/acme/tools/plugins/action/deploy.py', 'from ansible.plugins.action import ActionBase\n');
    expect(loadError([{ 'acme.tools.deploy': { what: 'a' } }])).toMatch(/play\.yaml:1:\d+: module 'acme\.tools\.deploy' needs Ansible's action plugin/);
  });
});
