/**
 * A task that retries (`until`) does not check the tasks after it on each
 * attempt (issue 18): it waits for its host to change, so what it would
 * check goes stale; the task after it is looked at by its own run, once the
 * retries are over. Seen from the host: a command the next task's check
 * runs (a logging sha1sum first on its PATH) runs once, not once per attempt.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cxplay } from '../support/cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync('/var/tmp/cxplay-until-');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An executable sh script. */
function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

describe('until and checks ahead', () => {
  it('checks the task after an until task once, not on every attempt', async () => {
    mkdirSync(join(dir, 'logs'));
    script(join(dir, 'logs', 'sha1sum'), `echo called >> ${dir}/sha1sum.log\nexec /usr/bin/sha1sum "$@"`);
    writeFileSync(join(dir, 'target'), 'x\n');
    writeFileSync(join(dir, 'hosts.ini'), 'local ansible_connection=local\n');
    writeFileSync(
      join(dir, 'play.yaml'),
      [
        '- hosts: all',
        '  gather_facts: false',
        '  tasks:',
        '    - name: waits for the third attempt',
        `      stat: {path: ${dir}/target, get_checksum: false, get_mime: false}`,
        '      register: ready',
        '      until: ready.attempts >= 3',
        '      retries: 5',
        '      delay: 0',
        '    - name: looked at after',
        `      stat: {path: ${dir}/target, get_mime: false}`,
        `      environment: {PATH: "${dir}/logs:/usr/bin:/bin"}`,
        '',
      ].join('\n'),
    );
    const result = await cxplay(['run', 'play.yaml', '-i', 'hosts.ini', '-o', 'plain', '-v'], { cwd: dir, env: { CXPLAY_SPECULATION: 'true' } });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('"attempts": 3');
    expect(readFileSync(join(dir, 'sha1sum.log'), 'utf8')).toBe('called\n');
  });
});
