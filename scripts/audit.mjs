// Dependency audit for CI: `npm audit` for high and critical advisories. Where
// the advisory service cannot be reached (this workplace's registry mirror
// answers 405 to the bulk endpoint), say so plainly and still enforce the
// minimum versions our security review pinned, read from package-lock.json.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { checkLock } from './dependency-minimums.mjs';

function checkMinimums() {
  const { problems, found } = checkLock(JSON.parse(readFileSync('package-lock.json', 'utf8')));
  for (const line of found) console.log(`audit: ${line}`);
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
