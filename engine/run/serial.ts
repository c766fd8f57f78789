/** Ansible's `serial`: batch sizes as numbers or percentages; the last size repeats. */
export function serialBatches(hosts: readonly string[], serial: readonly (number | string)[]): string[][] {
  if (serial.length === 0 || hosts.length === 0) return hosts.length === 0 ? [] : [[...hosts]];
  const batches: string[][] = [];
  let start = 0;
  let step = 0;
  while (start < hosts.length) {
    const spec = serial[Math.min(step, serial.length - 1)]!;
    const size = Math.max(1, batchSize(spec, hosts.length));
    batches.push(hosts.slice(start, start + size));
    start += size;
    step += 1;
  }
  return batches;
}

function batchSize(spec: number | string, total: number): number {
  // A number, or a whole float from YAML (serial: 2.0, a PyFloat).
  if (typeof spec !== 'string') return Number(spec);
  const text = spec.trim();
  if (text.endsWith('%')) return Math.floor((total * Number(text.slice(0, -1))) / 100);
  return Number(text);
}
