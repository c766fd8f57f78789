/**
 * POSIX sh quoting. Every value a module puts into a script goes through
 * `quote` (or `heredoc` for bulk data), so quotes, `$(...)`, backticks,
 * newlines and globs reach the target literally.
 */

/** Single-quote a value for POSIX sh: `it's` becomes `'it'"'"'s'`. */
export function quote(value: string | number | boolean): string {
  const text = String(value);
  if (text === '') return "''";
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'"'"'`)}'`;
}

/** Quote each word and join them with spaces. */
export function quoteWords(words: readonly (string | number)[]): string {
  return words.map(quote).join(' ');
}

/**
 * A heredoc that feeds `content` (any bytes) to `command` through base64,
 * e.g. `heredocBase64('base64 -d > "$tmp"', data, '|| exit 1')`. Whatever
 * must follow the command on its line (`|| ...`, `| next`) goes in `rest`:
 * after the heredoc body it would be read as data. The delimiter cannot occur
 * in base64 output, so no content can end the heredoc early.
 */
export function heredocBase64(command: string, content: Buffer | string, rest = ''): string {
  const encoded = Buffer.from(content).toString('base64').replace(/(.{76})/g, '$1\n');
  return `${command} <<'__CX_EOF__'${rest ? ` ${rest}` : ''}\n${encoded}\n__CX_EOF__`;
}
