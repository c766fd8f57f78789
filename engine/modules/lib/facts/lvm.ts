/** Ansible's lvm fact: 'N/A' unless root with the LVM tools, then its vgs, lvs and pvs (sizes in g, as strings). */
import type { FactSources } from './sections.js';

export function lvmFacts(sources: FactSources): unknown {
  if (!sources.sections.has('lvm vgs')) return 'N/A';
  const rows = (tool: string) => (sources.sections.get(`lvm ${tool}`) ?? '').split('\n').filter((line) => line.trim() !== '').map((line) => line.trim().split(','));
  const vgs = Object.fromEntries(rows('vgs').map((items) => [items[0], { size_g: items.at(-2), free_g: items.at(-1), num_lvs: items[2], num_pvs: items[1] }]));
  const lvs = Object.fromEntries(rows('lvs').map((items) => [items[0], { size_g: items[3], vg: items[1] }]));
  // A /dev/dm-N volume goes by its mapper name, as dmsetup gives it.
  const mapperName = (pv: string) => {
    const name = sources.sections.get(`dm_name ${pv}`)?.trimEnd();
    return name ? `/dev/mapper/${name}` : pv;
  };
  const pvs = Object.fromEntries(rows('pvs').map((items) => [mapperName(items[0]!), { size_g: items[4], free_g: items[5], vg: items[1] }]));
  return { lvs, vgs, pvs };
}
