/**
 * use_gssapi (get_url, uri) side by side with ansible-playbook (local
 * connection) in a Kerberos realm on 127.0.0.1 (test/support/kerberos-lab.ts):
 * a KDC, a ticket cache, and a web server that asks for SPNEGO. Cases from
 * Ansible 2.14's documentation of the option ("Credentials for GSSAPI can be
 * specified with url_username/url_password or with the GSSAPI env var
 * KRB5CCNAME"): a ticket from the cache, a ticket got with url_username and
 * url_password, no ticket, a wrong password, a path that asks for nothing,
 * force_basic_auth (no Basic is sent with use_gssapi). Both engines must make
 * the same requests (a first one without credentials, the token only after
 * the 401 asks for Negotiate), register the same results and leave the same
 * files. Ansible's side is recorded (test/references/url-gssapi).
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { KERBEROS_PASSWORD, KERBEROS_USER, startKerberosLab, type KerberosLab } from '../support/kerberos-lab.js';
import { recordedPlaybook } from '../support/recorded-command.js';
import { scratch, type Scratch } from '../reliability/support.js';

let work: Scratch;
let realm: KerberosLab;

beforeAll(async () => {
  work = scratch('url-gssapi');
  realm = await startKerberosLab(work.dir);
  work.write('inventory.yaml', { all: { hosts: { localhost: { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3' } } } });
  // The server's address changes per run: a vars file in the work directory, so the command line stays the same.
  work.write('server.yaml', { base: realm.base, krb5_config: realm.config, ticket_cache: `FILE:${realm.ticketCache}`, no_ticket: `FILE:${work.path('no-ticket.cache')}` });
  const credentials = { url_username: KERBEROS_USER, url_password: KERBEROS_PASSWORD };
  const noTicket = { KRB5CCNAME: '{{ no_ticket }}' };
  work.write('gssapi.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      environment: { KRB5_CONFIG: '{{ krb5_config }}', KRB5CCNAME: '{{ ticket_cache }}' },
      tasks: [
        { uri: { url: '{{ base }}/cache', use_gssapi: true, return_content: true }, register: 'from_cache' },
        { uri: { url: '{{ base }}/none', use_gssapi: true }, environment: noTicket, register: 'no_ticket_uri', ignore_errors: true },
        { uri: { url: '{{ base }}/login', use_gssapi: true, return_content: true, ...credentials }, environment: noTicket, register: 'login' },
        { uri: { url: '{{ base }}/wrong', use_gssapi: true, url_username: KERBEROS_USER, url_password: 'not it' }, environment: noTicket, register: 'wrong', ignore_errors: true },
        { uri: { url: '{{ base }}/named', use_gssapi: true, url_username: KERBEROS_USER, return_content: true }, register: 'named' },
        { uri: { url: '{{ base }}/basic', use_gssapi: true, force_basic_auth: true, ...credentials }, register: 'basic' },
        { uri: { url: '{{ base }}/open', use_gssapi: true, return_content: true }, environment: noTicket, register: 'open' },
        { get_url: { url: '{{ base }}/file', use_gssapi: true, dest: '{{ out }}/from-cache.txt' }, register: 'get_cache' },
        { get_url: { url: '{{ base }}/file', use_gssapi: true, dest: '{{ out }}/from-cache.txt' }, register: 'get_again' },
        { get_url: { url: '{{ base }}/file-login', use_gssapi: true, dest: '{{ out }}/login.txt', mode: '0600', ...credentials }, environment: noTicket, register: 'get_login' },
        { get_url: { url: '{{ base }}/file-none', use_gssapi: true, dest: '{{ out }}/none.txt' }, environment: noTicket, register: 'get_none', ignore_errors: true },
        {
          copy: {
            content: '{{ {"from_cache": from_cache, "no_ticket_uri": no_ticket_uri, "login": login, "wrong": wrong, "named": named, "basic": basic, "open": open, "get_cache": get_cache, "get_again": get_again, "get_login": get_login, "get_none": get_none} | to_json }}',
            dest: '{{ out }}.json',
          },
        },
      ],
    },
  ]);
}, 120_000);

afterAll(() => {
  realm?.stop();
  work?.remove();
});

/** The keys of a registered result both engines must agree on (elapsed, dates, tokens and temp names differ by nature). */
const COMPARED = ['changed', 'failed', 'msg', 'status', 'status_code', 'url', 'redirected', 'dest', 'mode', 'size', 'state', 'content'];

/**
 * A failure without a ticket: Ansible's message goes on with the GSSAPI library's words
 * ("Major (458752): ..."), cxplay's with kinit's or klist's; both say what happened first.
 */
function comparable(key: string, value: unknown): unknown {
  return key === 'msg' && typeof value === 'string' ? value.replace(/(An unknown error occurred: ).*/s, '$1...') : value;
}

function registered(out: string): Record<string, Record<string, unknown>> {
  const results = JSON.parse(readFileSync(`${out}.json`, 'utf8').replaceAll(out, '<out>')) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(results).map(([name, result]) => [name, Object.fromEntries(Object.entries(result).filter(([key]) => COMPARED.includes(key)).map(([key, value]) => [key, comparable(key, value)]))]));
}

function files(out: string): Record<string, string> {
  return Object.fromEntries(readdirSync(out).sort().map((name) => [name, `${(statSync(join(out, name)).mode & 0o7777).toString(8)} ${readFileSync(join(out, name), 'utf8')}`]));
}

interface Outcome {
  readonly recap: ReturnType<typeof parseRecap>;
  readonly requests: string[];
  readonly results: Record<string, Record<string, unknown>>;
  readonly files: Record<string, string>;
}

function outcome(stdout: string, out: string): Outcome {
  const text = JSON.stringify({ requests: realm.takeRequests(), results: registered(out), files: files(out) }).replaceAll(realm.base, '<BASE>');
  return { recap: parseRecap(stdout), ...(JSON.parse(text) as Omit<Outcome, 'recap'>) };
}

describe.skipIf(!hasAnsible)('use_gssapi, as ansible-playbook does it', () => {
  it('makes the same requests, registers the same results and leaves the same files', async () => {
    const args = (out: string) => ['-i', 'inventory.yaml', 'gssapi.yaml', '-e', '@server.yaml', '-e', `out=${out}`];
    const ansibleOut = work.path('ansible');
    const oursOut = work.path('cxplay');
    mkdirSync(ansibleOut);
    mkdirSync(oursOut);
    const ansible = await recordedPlaybook<Outcome>({
      name: 'url-gssapi/gssapi.yaml',
      inputs: [join(projectRoot, 'test', 'modules', 'url-gssapi.test.ts'), join(projectRoot, 'test', 'support', 'kerberos-lab.ts'), join(projectRoot, 'test', 'support', 'negotiate-server.py')],
      work: work.dir,
      args: args(ansibleOut),
      pipelining: false,
      collect: () => outcome('', ansibleOut),
      normalise: (json) => json.replaceAll(realm.base, '<BASE>'),
    });
    const run = await cxplay(['run', ...args(oursOut)], { cwd: work.dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const ours = outcome(run.stdout, oursOut);
    expect(parseRecap(ansible.stdout).localhost, ansible.stdout).toMatchObject({ failed: 0, ignored: 3 });
    expect(ours.requests, run.stdout + run.stderr).toEqual(ansible.left.requests);
    expect(ours.results).toEqual(ansible.left.results);
    expect(ours.files).toEqual(ansible.left.files);
    expect(ours.recap).toEqual(parseRecap(ansible.stdout));
    // What the comparison stands on, as Ansible 2.14 does it:
    const seen = ansible.left.requests;
    expect(seen.filter((line) => line.startsWith('/cache '))).toEqual(['/cache asked - ansible-httpget', `/cache ${KERBEROS_USER}@CX.TEST ansible-httpget`]);
    expect(seen.filter((line) => line.startsWith('/basic '))).toEqual(['/basic asked - ansible-httpget', `/basic ${KERBEROS_USER}@CX.TEST ansible-httpget`]);
    expect(seen).toContain('/open open - ansible-httpget');
    expect(ansible.left.results.login!.content).toBe(`hello ${KERBEROS_USER}@CX.TEST\n`);
    expect(ansible.left.results.no_ticket_uri).toMatchObject({ failed: true, status: -1 });
  }, 600_000);
});
