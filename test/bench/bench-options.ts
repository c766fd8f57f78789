/** Command-line options of `npm run bench`. */
import { execFileSync } from 'node:child_process';

export interface BenchOptions {
  /** Lab hosts per tool (1..254). */
  readonly hosts: number;
  /** Run ansible-playbook side by side (default: when it is installed). */
  readonly ansible: boolean;
  /** Directory the JSON results are written to. */
  readonly outDir: string;
  /** Idempotent reruns per tool (the median is reported: the machine is shared, single runs are noisy). */
  readonly reruns: number;
}

const USAGE = 'usage: npm run bench -- [--hosts N (1..254, default 20)] [--reruns N (default 3)] [--no-ansible] [--out DIR (default bench-results)]';

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let hosts = 20;
  let ansible = ansibleInstalled();
  let outDir = 'bench-results';
  let reruns = 3;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--hosts') hosts = Number(value());
    else if (arg === '--no-ansible') ansible = false;
    else if (arg === '--out') outDir = value();
    else if (arg === '--reruns') reruns = Number(value());
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(hosts) || hosts < 1 || hosts > 254) throw new Error(`--hosts must be a whole number from 1 to 254\n${USAGE}`);
  if (!Number.isInteger(reruns) || reruns < 1) throw new Error(`--reruns must be a whole number of at least 1\n${USAGE}`);
  return { hosts, ansible, outDir, reruns };
}

function ansibleInstalled(): boolean {
  try {
    execFileSync('ansible-playbook', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
