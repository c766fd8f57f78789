/** The chattr flags Ansible names (module_utils/common/file.py's FILE_ATTRIBUTES), for stat's `attributes`. */
const FLAG_NAMES: Readonly<Record<string, string>> = {
  A: 'noatime',
  a: 'append',
  c: 'compressed',
  C: 'nocow',
  d: 'nodump',
  D: 'dirsync',
  e: 'extents',
  E: 'encrypted',
  h: 'blocksize',
  i: 'immutable',
  I: 'indexed',
  j: 'journalled',
  N: 'inline',
  s: 'zero',
  S: 'synchronous',
  t: 'notail',
  T: 'blockroot',
  u: 'undelete',
  X: 'compressedraw',
  Z: 'compresseddirty',
};

/** The names of the flags lsattr listed (`Ae` → noatime, extents), in its order; flags Ansible does not name are left out. */
export function chattrFlagNames(flags: string): string[] {
  return [...flags].filter((flag) => Object.prototype.hasOwnProperty.call(FLAG_NAMES, flag)).map((flag) => FLAG_NAMES[flag]!);
}
