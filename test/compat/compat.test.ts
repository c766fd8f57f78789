/**
 * The compatibility contract, tested against the real thing: each playbook in
 * test/compat/playbooks runs under ansible-playbook on one lab and under
 * cxplay on another, and the per-host recap counts and the files left on the
 * hosts (content and mode) must be the same. Then cxplay's second run changes
 * nothing, and --check on fresh hosts changes no file but predicts the changes.
 * Ansible's side is recorded in test/references/compat while its inputs are
 * unchanged (test/support/ansible-reference.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { FAKE_SYSTEMCTL } from '../support/fake-systemctl.js';
import { cxplay, parseRecap, projectRoot, type CommandResult, type RecapLine } from '../support/cli.js';

const playbooks = resolve(projectRoot, 'test', 'compat', 'playbooks');
const HOSTS = ['node1', 'node2', 'node3'];
let server: Server;
let downloadUrl = '';
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-compat-'));
  server = createServer((_request, response) => response.end('downloaded content\n'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  downloadUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/file.txt`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

/** Inside each host: the fake systemctl first on PATH, with one stopped, disabled unit. */
const SYSTEMD_SETUP = [
  `cat > /usr/local/bin/systemctl <<'FAKE'\n${FAKE_SYSTEMCTL}FAKE`,
  'chmod 755 /usr/local/bin/systemctl',
  'mkdir -p /var/lib/cxsim/units/compat-app.service',
  'echo inactive > /var/lib/cxsim/units/compat-app.service/active',
  'echo disabled > /var/lib/cxsim/units/compat-app.service/enabled',
].join('\n');

async function startLab(name: string): Promise<Lab> {
  return Lab.start({
    names: HOSTS,
    setup: () => SYSTEMD_SETUP,
    groups: { compat: HOSTS },
    vars: {
      ansible_python_interpreter: '/usr/bin/python3',
      fetch_dir: join(work, name, 'fetched'),
      download_url: downloadUrl,
    },
  });
}

function ansible(lab: Lab, playbook: string, extra: readonly string[] = []): Promise<CommandResult> {
  return ansiblePlaybook(['-i', lab.inventoryPath, join(playbooks, playbook), ...extra], { cwd: playbooks, work });
}

function cx(lab: Lab, playbook: string, extra: readonly string[] = []): Promise<CommandResult> {
  return cxplay(['run', join(playbooks, playbook), '-i', lab.inventoryPath, '-o', 'plain', ...extra], { cwd: playbooks });
}

/** Every file and link under the playbooks' directories, with mode and content hash, per host. */
async function snapshot(lab: Lab): Promise<Record<string, string>> {
  const listing: Record<string, string> = {};
  for (const host of HOSTS) {
    const result = await lab.exec(
      host,
      "for d in /opt/compat /opt/compat2 /opt/compat3 /opt/compat4 /var/lib/cxsim/units; do [ -d $d ] && find $d \\( -type f -o -type l -o -type d \\) -exec sh -c 'for p; do if [ -L \"$p\" ]; then echo \"$p link $(readlink \"$p\")\"; elif [ -d \"$p\" ]; then echo \"$p dir $(stat -c %a \"$p\")\"; else echo \"$p $(stat -c %a \"$p\") $(sha256sum < \"$p\" | cut -c1-16)\"; fi; done' sh {} +; done | sort",
    );
    listing[host] = result.stdout;
  }
  return listing;
}

/** What decides Ansible's outcome: the playbooks and what they use, the hosts' set-up, and how it is run and compared. */
const referenceInputs = [
  playbooks,
  resolve(projectRoot, 'test', 'lab'),
  resolve(projectRoot, 'test', 'support', 'fake-systemctl.ts'),
  resolve(projectRoot, 'test', 'support', 'ansible.ts'),
  fileURLToPath(import.meta.url),
];

interface ConvergeReference {
  readonly converge: CommandResult;
  readonly files: Record<string, string>;
  readonly fetched: Record<string, string>;
  readonly rerun: Record<string, RecapLine>;
  readonly check: Record<string, RecapLine>;
}

/** The file each host's fetch task brought back, by host (files.yaml fetches one). */
function fetchedFiles(labName: string, playbook: string): Record<string, string> {
  if (playbook !== 'files.yaml') return {};
  return Object.fromEntries(HOSTS.map((host) => [host, readFileSync(join(work, labName, 'fetched', host, 'opt', 'compat', 'inline.conf'), 'utf8')]));
}

/** ansible-playbook's converge, rerun and --check (on fresh hosts) of the playbook: recorded while its inputs are unchanged. */
function ansibleConverge(playbook: string): Promise<ConvergeReference> {
  return ansibleReference({ name: `compat/${playbook}`, inputs: referenceInputs, work }, async () => {
    const [lab, checkLab] = await Promise.all([startLab('ansible'), startLab('ansible-check')]);
    try {
      const converge = await ansible(lab, playbook);
      const files = await snapshot(lab);
      const rerun = parseRecap((await ansible(lab, playbook)).stdout);
      const check = parseRecap((await ansible(checkLab, playbook, ['--check'])).stdout);
      return { converge, files, fetched: fetchedFiles('ansible', playbook), rerun, check };
    } finally {
      await Promise.all([lab.stop(), checkLab.stop()]);
    }
  });
}

describe.skipIf(!hasAnsible)('same playbook, same result as ansible-playbook', () => {
  for (const playbook of ['files.yaml', 'control.yaml', 'batches.yaml', 'extras.yaml']) {
    it(`${playbook}: recap counts and files match, rerun changes nothing, --check predicts`, async () => {
      const reference = await ansibleConverge(playbook);
      const [cxLab, checkLab] = await Promise.all([startLab('cx'), startLab('check')]);
      try {
        const ours = await cx(cxLab, playbook);
        const expected = parseRecap(reference.converge.stdout);
        expect(Object.keys(expected).sort(), reference.converge.stdout + reference.converge.stderr).toEqual(HOSTS);
        expect(parseRecap(ours.stdout), ours.stdout + ours.stderr).toEqual(expected);
        expect(ours.code).toBe(reference.converge.code);
        expect(await snapshot(cxLab)).toEqual(reference.files);
        expect(fetchedFiles('cx', playbook)).toEqual(reference.fetched);

        // The rerun matches Ansible's rerun; playbooks without deliberate always-changed
        // tasks (control.yaml forces check mode on a touch and rescues a failing command) change nothing.
        const rerun = await cx(cxLab, playbook);
        expect(parseRecap(rerun.stdout), rerun.stdout).toEqual(reference.rerun);
        if (playbook !== 'control.yaml') {
          for (const [host, counts] of Object.entries(parseRecap(rerun.stdout))) {
            expect({ host, changed: counts.changed }).toEqual({ host, changed: 0 });
          }
        }

        // --check on fresh hosts: nothing changes, and the prediction is Ansible's own.
        const before = await snapshot(checkLab);
        const checked = await cx(checkLab, playbook, ['--check']);
        expect(await snapshot(checkLab)).toEqual(before);
        expect(parseRecap(checked.stdout), checked.stdout).toEqual(reference.check);
      } finally {
        await Promise.all([cxLab.stop(), checkLab.stop()]);
      }
    }, 600_000);
  }

  const selections = [['--tags', 'special'], ['--skip-tags', 'special', '--limit', 'compat:!node3']];

  /** ansible-playbook's recap and files after each selection in turn, on one lab. */
  function ansibleSelections(): Promise<{ recap: Record<string, RecapLine>; files: Record<string, string> }[]> {
    return ansibleReference({ name: 'compat/selections', inputs: referenceInputs, work, settings: selections }, async () => {
      const lab = await startLab('ansible-select');
      try {
        const outcomes = [];
        for (const flags of selections) {
          const run = await ansible(lab, 'control.yaml', flags);
          outcomes.push({ recap: parseRecap(run.stdout), files: await snapshot(lab) });
        }
        return outcomes;
      } finally {
        await lab.stop();
      }
    });
  }

  it('--tags, --skip-tags and --limit select the same tasks and hosts as ansible-playbook', async () => {
    const references = await ansibleSelections();
    const cxLab = await startLab('cx-select');
    try {
      for (const [index, flags] of selections.entries()) {
        const ours = await cx(cxLab, 'control.yaml', flags);
        expect(parseRecap(ours.stdout), `${flags.join(' ')}\n${ours.stdout}${ours.stderr}`).toEqual(references[index]!.recap);
        expect(await snapshot(cxLab)).toEqual(references[index]!.files);
      }
      expect(Object.keys(parseRecap((await cx(cxLab, 'control.yaml', ['--limit', 'node1'])).stdout))).toEqual(['node1']);
    } finally {
      await cxLab.stop();
    }
  }, 600_000);
});
