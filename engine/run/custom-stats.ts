/**
 * The custom stats set_stats keeps for a run, as Ansible's AggregateStats
 * (executor/stats.py, 2.14): per host or for the whole run, each stat set
 * (aggregate false) or added to what is there with Python's `+=`: numbers
 * add, strings and lists concatenate, dicts merge (merge_hash, recursive,
 * lists replaced); a value of another type than the one kept is ignored.
 */
import { CxError } from '../errors.js';
import type { CustomStatsView } from '../events.js';
import { mergeHash } from '../template/filters/dicts.js';
import { isDict, isFloat, numeric, pyFloat, pythonTypeName } from '../template/python.js';

type Stats = Record<string, unknown>;

export class CustomStats {
  private readonly perHost = new Map<string, Stats>();
  private readonly ofRun: Stats = {};

  /** set_stats' data for `host` (undefined: the whole run), added to what is there or replacing it. */
  keep(data: Readonly<Stats>, host: string | undefined, aggregate: boolean): void {
    const stats = host === undefined ? this.ofRun : this.statsOf(host);
    for (const [name, value] of Object.entries(data)) {
      stats[name] = aggregate && name in stats ? added(stats[name], value) : value;
    }
  }

  /** undefined when no stat was kept. */
  view(): CustomStatsView | undefined {
    const names = [...this.perHost.keys()].sort();
    const hasRun = Object.keys(this.ofRun).length > 0;
    if (names.length === 0 && !hasRun) return undefined;
    return { hosts: Object.fromEntries(names.map((name) => [name, this.perHost.get(name)!])), run: hasRun ? this.ofRun : undefined };
  }

  private statsOf(host: string): Stats {
    let stats = this.perHost.get(host);
    if (!stats) this.perHost.set(host, (stats = {}));
    return stats;
  }
}

/** Python's `kept += value` where isinstance(value, type(kept)); else kept, unchanged. */
function added(kept: unknown, value: unknown): unknown {
  if (typeof kept === 'boolean') return typeof value === 'boolean' ? Number(kept) + Number(value) : kept;
  if (typeof kept === 'number' && Number.isInteger(kept)) return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'boolean' ? kept + Number(value) : kept;
  if (isFloat(kept)) return isFloat(value) ? pyFloat(numeric(kept)! + numeric(value)!) : kept;
  if (typeof kept === 'string') return typeof value === 'string' ? kept + value : kept;
  if (Array.isArray(kept)) return Array.isArray(value) ? [...kept, ...value] : kept;
  if (isDict(kept)) return isDict(value) ? mergeHash(kept, value, true, 'replace') : kept;
  if (pythonTypeName(kept) !== pythonTypeName(value)) return kept;
  // None (or a datetime) kept and given again: Python's += refuses it (ansible-playbook stops with this error).
  const type = pythonTypeName(kept);
  throw new CxError(`unsupported operand type(s) for +=: '${type}' and '${type}'`);
}
