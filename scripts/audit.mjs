// Dependency audit for CI: `npm audit` for high and critical advisories. Where
// the advisory service cannot be reached (this workplace's registry mirror
// answers 405 to the bulk endpoint), say so plainly and still enforce the
// minimum versions our security review pinned, read from package-lock.json.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MINIMUMS = { handlebars: '4.7.9', ssh2: '1.15.0' };

function newerOrEqual(version, minimum) {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

function checkMinimums() {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const problems = [];
  for (const [name, minimum] of Object.entries(MINIMUMS)) {
    const entry = lock.packages?.[`node_modules/${name}`];
    if (!entry) problems.push(`${name} is not in package-lock.json`);
    else if (!newerOrEqual(entry.version, minimum)) problems.push(`${name} ${entry.version} is older than ${minimum}`);
    else console.log(`audit: ${name} ${entry.version} >= ${minimum}`);
  }
  return problems;
}

function runNpmAudit() {
  try {
    return execFileSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    return error.stdout ?? '';
  }
}

const problems = checkMinimums();
let report;
try {
  report = JSON.parse(runNpmAudit());
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`audit: npm audit found ${counts.total ?? 0} advisories, ${serious} high or critical`);
  if (serious > 0) problems.push(`${serious} high or critical advisories: run npm audit for details`);
} else {
  console.log(`audit: the advisory service did not answer (${report?.message ?? 'no report'}); only the pinned minimums were checked`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`audit: ${problem}`);
  process.exit(1);
}
