// The minimum versions our security review pinned, and the check of
// package-lock.json against them (shared by scripts/audit.mjs and the tests).
export const MINIMUMS = { handlebars: '4.7.9', ssh2: '1.15.0' };

export function newerOrEqual(version, minimum) {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/** Problems with a parsed package-lock.json (empty when every minimum is met), and what was found. */
export function checkLock(lock) {
  const problems = [];
  const found = [];
  for (const [name, minimum] of Object.entries(MINIMUMS)) {
    const entry = lock.packages?.[`node_modules/${name}`];
    if (!entry) problems.push(`${name} is not in package-lock.json`);
    else if (!newerOrEqual(entry.version, minimum)) problems.push(`${name} ${entry.version} is older than ${minimum}`);
    else found.push(`${name} ${entry.version} >= ${minimum}`);
  }
  return { problems, found };
}
