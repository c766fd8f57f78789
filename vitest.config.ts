import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Tests that need neither root, nor the SSH lab, nor a build: they import the
 * engine's sources and run in-process (module tests run their sh on this
 * machine as the current user). `npm run test:unit` runs only these, for fast
 * feedback; `npm test` runs them and the lab tests. A new test that needs no
 * root, lab or dist/ belongs in this list.
 */
const UNIT_TESTS = [
  'test/booleans.test.ts',
  'test/check/**/*.test.ts',
  'test/config/**/*.test.ts',
  'test/template/**/*.test.ts',
  'test/load/{action-keyword,host-pattern,inventory,inventory-sources,merge-inventories,qualified-actions,role,suggest,tasks,yaml,playbook}.test.ts',
  'test/modules/argument-coverage.test.ts',
  'test/modules/system-standins.test.ts',
  'test/modules/{command,controller,copy-tree,facts-parsers,file-flags,get_url,mount,package-modules,python-path,report,selinux-context,shell-code,short-form,systemd,uri,validate-args}.test.ts',
  'test/views/{operator-keys,plain-view,tui-state,tui-view,view-kind}.test.ts',
  'test/views/diff-text.test.ts',
  'test/views/live-view.test.tsx',
  'test/connection/become-command.test.ts',
  'test/connection/handshakes.test.ts',
  'test/connection/shell-session-markers.test.ts',
  'test/connection/ssh-config.test.ts',
  'test/reliability/secret-file-mode.test.ts',
  'test/run/custom-stats.test.ts',
  'test/run/exec-batch.test.ts',
  'test/vault/{crypto,loading}.test.ts',
];
const ALL_TESTS = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

/**
 * The files that take longest (most run ansible-playbook side by side with
 * cxplay; test/compat/modules.test.ts alone takes about a third of the suite's
 * CPU time). A clean clone has no record of earlier durations, so vitest
 * would start them in file order and one could be left running alone at the
 * end: they start first instead, longest first.
 */
const LONGEST_FIRST = [
  'test/compat/modules.test.ts',
  'test/compat/compat.test.ts',
  'test/rke2/ansible.test.ts',
  'test/run/speculation.test.ts',
  'test/run/fusion.test.ts',
  'test/rke2/worker-ha.test.ts',
  'test/day2/upgrade.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return index < 0 ? LONGEST_FIRST.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  // Module shell code (engine/modules/sh/*.sh) is imported as text, as the bundle's esbuild text loader does.
  plugins: [
    {
      name: 'sh-text',
      enforce: 'pre',
      transform: (code: string, id: string) => (id.endsWith('.sh') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined),
    },
  ],
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Lab tests start real sshd hosts; two cores do not gain from more workers.
    maxWorkers: 2,
    minWorkers: 1,
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      { extends: true, test: { name: 'lab', include: ALL_TESTS, exclude: UNIT_TESTS } },
    ],
  },
});
