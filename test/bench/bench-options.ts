/** Command-line options of `npm run bench`. */
import { execFileSync } from 'node:child_process';

export interface BenchOptions {
  /** Lab hosts per tool (1..2000; the lab takes one 127.0.X.0/24 per 254). */
  readonly hosts: number;
  /** Run ansible-playbook side by side (default: when it is installed). */
  readonly ansible: boolean;
  /** Directory the JSON results are written to. */
  readonly outDir: string;
  /** Idempotent reruns per tool (the median is reported: the machine is shared, single runs are noisy). */
  readonly reruns: number;
}

/** Beyond some thousands of hosts the machine's process and memory limits bind before the lab's. */
const MAX_HOSTS = 2000;
const USAGE = 'usage: npm run bench -- [--hosts N (1..2000, default 20)] [--reruns N (default 3)] [--no-ansible] [--out DIR (default bench-results)]';

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
  if (!Number.isInteger(hosts) || hosts < 1 || hosts > MAX_HOSTS) throw new Error(`--hosts must be a whole number from 1 to ${MAX_HOSTS}\n${USAGE}`);
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
