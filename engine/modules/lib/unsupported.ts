/**
 * Arguments of Ansible's modules that cxplay deliberately does not apply:
 * each is refused at load with its reason (never silently ignored), except
 * for the values that mean "not set" in Ansible (an empty string, false).
 */
import { ATTRIBUTE_SCHEMA } from './file-attributes.js';

/** The schema of a refused argument: only `harmless` values pass; any other is refused with `reason`. */
export function unsupported(reason: string, harmless: readonly (string | boolean | readonly string[])[] = ['']): Record<string, unknown> {
  const type = Array.isArray(harmless[0]) ? 'array' : typeof harmless[0] === 'boolean' ? 'boolean' : 'string';
  return { type, enum: harmless, description: `is not supported by cxplay: ${reason}; leave it out` };
}

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
