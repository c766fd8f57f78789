/**
 * Bytes as Python's to_text reads them (utf-8, errors surrogateescape): each
 * byte that is not part of a valid UTF-8 sequence becomes the lone surrogate
 * U+DC80..U+DCFF, which JSON writes as "\udcXX", as Ansible's diff of a
 * latin-1 file shows it.
 */
import { isUtf8 } from 'node:buffer';

export function surrogateEscaped(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    out += length === 0 ? String.fromCharCode(0xdc00 + bytes[index]!) : bytes.subarray(index, index + length).toString('utf8');
    index += Math.max(length, 1);
  }
  return out;
}

/** The length of the valid UTF-8 sequence starting at index, or 0. */
function sequenceLength(bytes: Buffer, index: number): number {
  const lead = bytes[index]!;
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
  return length > 0 && index + length <= bytes.length && isUtf8(bytes.subarray(index, index + length)) ? length : 0;
}
