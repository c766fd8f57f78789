/** A run's plain output reduced to what two engines must agree on (differential tests). */

/**
 * What ran where: play and task headers, then each host's status (without the
 * result after it) with its debug message; hosts of one task sorted, since
 * they run at once.
 */
export function outline(stdout: string, base: string): string[] {
  const out: string[] = [];
  let hosts: string[][] = [];
  const flush = () => {
    // A task header with no host under it (Ansible shows one for meta tasks, cxplay does not) is left out.
    if (hosts.length === 0 && /^TASK \[/.test(out.at(-1) ?? '')) out.pop();
    out.push(...hosts.sort((a, b) => (a[0]! < b[0]! ? -1 : 1)).flat());
    hosts = [];
  };
  for (const line of stdout.split(base).join('BASE').split('\n').map((text) => text.replace(/\s*\*+$/, ''))) {
    const status = /^(ok|changed|skipping|fatal|failed): \[[^\]]+\]( => \(item=[^)]*\))?/.exec(line);
    if (/^(PLAY|TASK|RUNNING HANDLER) \[/.test(line)) {
      flush();
      out.push(line);
    } else if (status) {
      hosts.push([status[0]]);
    } else if (/^ {4}"msg": /.test(line)) {
      hosts.at(-1)?.push(line);
    }
  }
  flush();
  return out;
}
