/**
 * Keeps secrets out of everything a person or a machine can read. Results of
 * no_log tasks are censored in events; every string they held (and the
 * decoded form of base64 content) becomes a known secret, and any later
 * output containing a known secret shows it masked.
 */
import { PyValue } from '../template/python.js';
import { UnsafeText } from '../template/unsafe.js';

export const NO_LOG_MESSAGE = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
export const MASK = '********';

/** Shorter strings are too common to mask without destroying output ("true", "root"). */
const MIN_SECRET_LENGTH = 6;
/**
 * Result keys whose values say nothing about the data: timestamps, counts,
 * and where and how a file was written (a no_log copy hides its content; its
 * path, masked in every later line, would only mangle diffs and messages);
 * the module's warnings (its own words, kept in the result as Ansible does:
 * masked whole, the same warning of a later task would vanish).
 */
const NOT_SECRET_KEYS = new Set([
  'start', 'end', 'delta', 'changed', 'failed', 'rc', 'skipped', 'encoding', 'attempts',
  'dest', 'path', 'src', 'state', 'mode', 'owner', 'group', 'uid', 'gid', 'size', 'checksum', 'md5sum', 'backup_file', 'before_header', 'after_header',
  'warnings',
]);

export class SecretRegistry {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /** Remember a single secret value (e.g. a variable the operator declared secret). */
  add(secret: string): void {
    const trimmed = secret.trim();
    for (const value of new Set([secret, trimmed])) {
      if (value.length >= MIN_SECRET_LENGTH && !this.secrets.has(value)) {
        this.secrets.add(value);
        this.pattern = undefined;
      }
    }
  }

  /** Remember every string inside a no_log result. */
  addFromResult(value: unknown, key = ''): void {
    if (NOT_SECRET_KEYS.has(key)) return;
    if (typeof value === 'string') {
      this.addText(value);
      if (key === 'content') this.add(Buffer.from(value, 'base64').toString('utf8'));
    } else if (Array.isArray(value)) {
      for (const item of value) this.addFromResult(item, key);
    } else if (value && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value)) this.addFromResult(child, childKey);
    }
  }

  /**
   * Remember everything a vault decrypted: a string, the text of a decrypted
   * file, or every string and number in a decrypted vars file, whatever its key.
   */
  addDecrypted(value: unknown): void {
    if (typeof value === 'string' || value instanceof UnsafeText) this.addText(String(value));
    else if (typeof value === 'number') this.add(String(value));
    else if (Buffer.isBuffer(value)) this.addText(value.toString('utf8'));
    else if (Array.isArray(value)) for (const item of value) this.addDecrypted(item);
    else if (value && typeof value === 'object') for (const child of Object.values(value)) this.addDecrypted(child);
  }

  /** A text and each of its lines. */
  private addText(text: string): void {
    this.add(text);
    for (const line of text.split('\n')) this.add(line);
  }

  get size(): number {
    return this.secrets.size;
  }

  maskText(text: string): string {
    if (this.secrets.size === 0) return text;
    return text.replace(this.regex(), MASK);
  }

  /** A deep copy of `value` with every known secret masked. */
  mask<T>(value: T): T {
    if (this.secrets.size === 0) return value;
    return this.maskDeep(value) as T;
  }

  private maskDeep(value: unknown): unknown {
    if (typeof value === 'string') return this.maskText(value);
    if (value instanceof PyValue) return value; // a float or datetime: no text of its own to mask
    if (Array.isArray(value)) return value.map((item) => this.maskDeep(item));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) out[key] = this.maskDeep(child);
      return out;
    }
    return value;
  }

  private regex(): RegExp {
    if (!this.pattern) {
      // Longest first, so a secret that contains another is masked whole.
      const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
      this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
    }
    this.pattern.lastIndex = 0;
    return this.pattern;
  }
}

/** What a view sees of a no_log result: Ansible's censored shape. */
export function censoredResult(result: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { censored: NO_LOG_MESSAGE, changed: result.changed === true };
  if (result.failed === true) out.failed = true;
  if (result.skipped === true) out.skipped = true;
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
