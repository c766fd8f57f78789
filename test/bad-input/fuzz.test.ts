/**
 * Random mutations of valid playbooks and inventories (the project's own
 * playbooks/ and inventory.example.yaml, and the bad-input corpus) must load,
 * or fail with one CxError: never another exception (a crash, exit 1), never
 * a hang. A fixed number of mutants from a fixed seed (CXPLAY_FUZZ_SEED
 * overrides it); a failure names the seed, the mutant number and the file
 * kept for replay. A sample also goes through the built CLI: exit 0, 4 or 5
 * with --syntax-check, and no stack trace.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { CxError } from '../../engine/errors.js';
import { cxplay, projectRoot } from '../support/cli.js';
import { loadAsTheCliDoes } from './load-as-cli.js';

const SEED = Number(process.env.CXPLAY_FUZZ_SEED ?? 20261204);
const MUTANTS = 300;
const CLI_SAMPLE = 10;
const here = dirname(fileURLToPath(import.meta.url));
const work = realpathSync(mkdtempSync(join(tmpdir(), 'cxplay-fuzz-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Seed {
  readonly kind: 'playbook' | 'inventory';
  readonly name: string;
  readonly text: Buffer;
}

function seeds(): Seed[] {
  const out: Seed[] = [];
  for (const file of readdirSync(join(projectRoot, 'playbooks')).filter((name) => name.endsWith('.yaml'))) {
    out.push({ kind: 'playbook', name: `playbooks/${file}`, text: readFileSync(join(projectRoot, 'playbooks', file)) });
  }
  out.push({ kind: 'inventory', name: 'inventory.example.yaml', text: readFileSync(join(projectRoot, 'inventory.example.yaml')) });
  for (const name of readdirSync(join(here, 'cases')).sort()) {
    for (const kind of ['playbook', 'inventory'] as const) {
      const file = join(here, 'cases', name, `${kind}.yaml`);
      if (existsSync(file) && readFileSync(file).length < 20_000) out.push({ kind, name: `cases/${name}/${kind}.yaml`, text: readFileSync(file) });
    }
  }
  return out;
}

const TOKENS = ['[', ']', '{', '}', ':', '- ', '*a', '&a ', '<<: ', '!!str ', '!unsafe ', '|', '>', '"', "'", '\0', '\t', '\r', '\ufeff', '{{', '}}', '{{#if x}}', '(', ')', 'not ', '[1:99999]', '__proto__', 'ansible_port: ', 'hosts: ', '\n', '  ', '%', '#', '\xff'];

/** One random edit: flip a byte, insert a token, delete, duplicate or repeat a slice, or cut the end off. */
function mutate(text: Buffer, random: () => number): Buffer {
  const at = Math.floor(random() * (text.length + 1));
  const length = Math.floor(random() * 40);
  switch (Math.floor(random() * 6)) {
    case 0:
      return Buffer.concat([text.subarray(0, at), Buffer.from([Math.floor(random() * 256)]), text.subarray(at + 1)]);
    case 1:
      return Buffer.concat([text.subarray(0, at), Buffer.from(TOKENS[Math.floor(random() * TOKENS.length)]!, 'latin1'), text.subarray(at)]);
    case 2:
      return Buffer.concat([text.subarray(0, at), text.subarray(at + length)]);
    case 3:
      return Buffer.concat([text.subarray(0, at + length), text.subarray(at, at + length), text.subarray(at + length)]);
    case 4:
      return Buffer.concat([text.subarray(0, at), Buffer.from(TOKENS[Math.floor(random() * TOKENS.length)]!.repeat(1 + Math.floor(random() * 3000)), 'latin1'), text.subarray(at)]);
    default:
      return text.subarray(0, at);
  }
}

/** A directory laid out as the project (roles/ and playbooks/tasks reachable) holding one mutant. */
function layout(seed: Seed, mutant: Buffer, index: number): { playbook: string; inventory: string } {
  const dir = join(work, String(index));
  mkdirSync(join(dir, 'playbooks'), { recursive: true });
  symlinkSync(join(projectRoot, 'playbooks', 'tasks'), join(dir, 'playbooks', 'tasks'));
  symlinkSync(join(projectRoot, 'roles'), join(dir, 'roles'));
  const playbook = join(dir, 'playbooks', 'mutant.yaml');
  const inventory = join(dir, 'inventory.yaml');
  writeFileSync(playbook, seed.kind === 'playbook' ? mutant : readFileSync(join(projectRoot, 'playbooks', 'status.yaml')));
  writeFileSync(inventory, seed.kind === 'inventory' ? mutant : readFileSync(join(projectRoot, 'inventory.example.yaml')));
  return { playbook, inventory };
}

const random = seededRandom(SEED);
const all = seeds();
const mutants = Array.from({ length: MUTANTS }, (_, index) => {
  const seed = all[Math.floor(random() * all.length)]!;
  let text = seed.text;
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits -= 1) text = mutate(text, random);
  return { index, seed, text };
});

describe(`fuzzed playbooks and inventories (seed ${SEED})`, () => {
  it(`${MUTANTS} mutants load or fail with one CxError`, () => {
    for (const { index, seed, text } of mutants) {
      const files = layout(seed, text, index);
      try {
        loadAsTheCliDoes(files.playbook, files.inventory);
      } catch (error) {
        if (!(error instanceof CxError)) {
          throw new Error(`seed ${SEED}, mutant ${index} of ${seed.name} (kept in ${files[seed.kind]}): ${(error as Error).stack ?? String(error)}`);
        }
      }
      rmSync(dirname(files.inventory), { recursive: true, force: true });
    }
  }, 600_000);

  it(`${CLI_SAMPLE} of them through the CLI exit 0, 4 or 5 with no stack trace`, async () => {
    for (const { index, seed, text } of mutants.slice(0, CLI_SAMPLE)) {
      const files = layout(seed, text, index);
      const result = await cxplay(['run', files.playbook, '-i', files.inventory, '--syntax-check'], { cwd: dirname(files.inventory), env: { CXPLAY_ROLES_PATH: '', ANSIBLE_ROLES_PATH: '' } });
      const context = `seed ${SEED}, mutant ${index} of ${seed.name} (kept in ${files[seed.kind]}): exit ${result.code}\n${result.stderr}`;
      expect([0, 4, 5], context).toContain(result.code);
      expect(result.stderr, context).not.toMatch(/^\s+at /m);
      rmSync(dirname(files.inventory), { recursive: true, force: true });
    }
  }, 600_000);
});
