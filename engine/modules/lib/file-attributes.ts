/**
 * mode, owner and group as Ansible takes them, and the sh that compares and
 * applies them. Octal modes compare exactly; symbolic ones (u=rw,g=r) are
 * applied and compared before/after.
 */
import { CxError } from '../../errors.js';
import { quote } from '../../connection/quote.js';

export interface FileAttributes {
  readonly mode?: string | undefined;
  readonly owner?: string | undefined;
  readonly group?: string | undefined;
}

export const ATTRIBUTE_SCHEMA = {
  mode: { type: ['string', 'integer'] },
  owner: { type: 'string' },
  group: { type: 'string' },
} as const;

/** `0644`, `644`, 420 (YAML 1.1 read 0644 as octal), `u=rw,g=r` -> a chmod argument. */
export function normalizeMode(mode: unknown): string | undefined {
  if (mode === undefined || mode === null || mode === '') return undefined;
  if (typeof mode === 'number') return mode.toString(8).padStart(4, '0');
  const text = String(mode).trim();
  if (/^0?[0-7]{3,4}$/.test(text)) return text.replace(/^0?([0-7]{3,4})$/, '$1').padStart(4, '0');
  if (/^[ugoa]*[-+=][rwxXstugo]*(,[ugoa]*[-+=][rwxXstugo]*)*$/.test(text)) return text;
  throw new CxError(`mode '${text}' is not valid`, { hint: "use an octal string such as '0644' (quoted) or a symbolic mode such as u=rw,g=r,o=r" });
}

export function attributesFrom(args: Readonly<Record<string, unknown>>): FileAttributes {
  return {
    mode: normalizeMode(args.mode),
    owner: args.owner === undefined ? undefined : String(args.owner),
    group: args.group === undefined ? undefined : String(args.group),
  };
}

/**
 * sh that sets `attr_changed=1` when `$1`'s attributes differ from the wanted
 * ones and (unless check) applies them. Reports mode, owner, group after.
 */
export function attributeScript(attributes: FileAttributes, check: boolean): string {
  const mode = attributes.mode;
  const lines = ['cx_attributes() {', '  attr_changed=0'];
  if (mode && /^[0-7]{4}$/.test(mode)) {
    lines.push(`  if [ "$(stat -c %a "$1" | sed 's/^/000/;s/.*\\(....\\)$/\\1/')" != ${quote(mode)} ]; then attr_changed=1; ${check ? '' : `chmod ${quote(mode)} "$1" || cx_fail "chmod failed on $1";`} fi`);
  } else if (mode) {
    lines.push(`  before_mode=$(stat -c %a "$1")`, check ? '  :' : `  chmod ${quote(mode)} "$1" || cx_fail "chmod failed on $1"`, '  [ "$(stat -c %a "$1")" = "$before_mode" ] || attr_changed=1');
  }
  if (attributes.owner) {
    lines.push(`  if [ "$(stat -c %U "$1")" != ${quote(attributes.owner)} ]; then attr_changed=1; ${check ? '' : `chown -h ${quote(attributes.owner)} "$1" || cx_fail "chown failed: no user ${attributes.owner.replace(/["$`\\]/g, '')}?";`} fi`);
  }
  if (attributes.group) {
    lines.push(`  if [ "$(stat -c %G "$1")" != ${quote(attributes.group)} ]; then attr_changed=1; ${check ? '' : `chgrp -h ${quote(attributes.group)} "$1" || cx_fail "chgrp failed: no group ${attributes.group.replace(/["$`\\]/g, '')}?";`} fi`);
  }
  lines.push('}', 'cx_report_attributes() {', '  cx_report mode "$(stat -c %a "$1" | sed \'s/^/000/;s/.*\\(....\\)$/\\1/\')"', '  cx_report owner "$(stat -c %U "$1")"', '  cx_report group "$(stat -c %G "$1")"', '  cx_report uid "$(stat -c %u "$1")"', '  cx_report gid "$(stat -c %g "$1")"', '  cx_report size "$(stat -c %s "$1")"', '}');
  return `${lines.join('\n')}\n`;
}

/** Apply the wanted attributes to a temp file before it is renamed into place (so it is never wrong on disk). */
export function prepareTempScript(attributes: FileAttributes, tempVar: string, existingVar: string): string {
  const abort = (what: string) => ` || { rm -f "$${tempVar}"; cx_fail "${what}"; }`;
  const lines: string[] = [];
  if (attributes.mode) lines.push(`chmod ${quote(attributes.mode)} "$${tempVar}"${abort('chmod failed')}`);
  else lines.push(`if [ -e "$${existingVar}" ]; then chmod "$(stat -c %a "$${existingVar}")" "$${tempVar}"; else chmod "$(printf '%o' $((0666 & ~$(umask))))" "$${tempVar}"; fi`);
  if (attributes.owner) lines.push(`chown ${quote(attributes.owner)} "$${tempVar}"${abort('chown failed')}`);
  else lines.push(`[ -e "$${existingVar}" ] && chown "$(stat -c %u "$${existingVar}")" "$${tempVar}" 2>/dev/null`);
  if (attributes.group) lines.push(`chgrp ${quote(attributes.group)} "$${tempVar}"${abort('chgrp failed')}`);
  else lines.push(`[ -e "$${existingVar}" ] && chgrp "$(stat -c %g "$${existingVar}")" "$${tempVar}" 2>/dev/null`);
  return `${lines.join('\n')}\n`;
}
