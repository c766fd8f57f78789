/** The file arguments every module that writes a file takes (Ansible's add_file_common_args). */
import { ATTRIBUTE_SCHEMA } from './file-attributes.js';

/**
 * Ansible's unsafe_writes only lets a module fall back to writing in place
 * when its atomic rename fails; cxplay always renames, so the argument is
 * accepted and changes nothing while the rename works.
 */
export const UNSAFE_WRITES = { unsafe_writes: { type: 'boolean', default: false } } as const;

/** Ansible's add_file_common_args, as the modules that write a file take them: mode, owner, group, attributes, the SELinux context and unsafe_writes. */
export const FILE_COMMON_ARGS_SCHEMA = { ...ATTRIBUTE_SCHEMA, ...UNSAFE_WRITES } as const;

/** The alias among them (Ansible adds them after the module's own arguments: in argumentAliases, it comes last). */
export const FILE_COMMON_ALIASES = { attr: 'attributes' } as const;
