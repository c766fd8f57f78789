/**
 * YAML text as PyYAML's emitter writes it (yaml.dump with Ansible's dumper,
 * allow_unicode), which to_yaml and to_nice_yaml call: keys sorted, a
 * scalar plain only when it would read back as the same string, else
 * single- or double-quoted, lines folded past 80 columns, sequences inside
 * a mapping not indented, leaf collections in flow style when asked
 * (to_yaml). The emitter's rules are kept
 * step for step (column, whitespace and indention state), so the layout
 * matches byte for byte.
 */
import { TemplateError } from '../errors.js';
import { floatRepr, PyFloat, PyValue, pythonCompare, pythonNumber } from './python.js';

export interface YamlLayout {
  readonly indent: number;
  /** null: leaf collections in flow style (to_yaml); false: block style everywhere (to_nice_yaml). */
  readonly flowLeaves: boolean;
  readonly width?: number;
  readonly sortKeys?: boolean;
}

/** The plain scalars PyYAML's resolver reads as something other than a string (so a string like them is quoted). */
const IMPLICIT = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

const BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE_OR_END = '\0 \t\r\n\x85\u2028\u2029';

interface Analysis {
  readonly empty: boolean;
  readonly multiline: boolean;
  readonly allowFlowPlain: boolean;
  readonly allowBlockPlain: boolean;
  readonly allowSingleQuoted: boolean;
}

/** PyYAML's Emitter.analyze_scalar. */
function analyze(text: string): Analysis {
  if (text === '') return { empty: true, multiline: false, allowFlowPlain: false, allowBlockPlain: true, allowSingleQuoted: true };
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let flowIndicators = blockIndicators;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const chars = [...text];
  chars.forEach((ch, index) => {
    const followedByWhitespace = index + 1 >= chars.length || WHITESPACE_OR_END.includes(chars[index + 1]!);
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) flowIndicators = blockIndicators = true;
      if ('?:'.includes(ch)) {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) flowIndicators = blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    const code = ch.codePointAt(0)!;
    const printable = ch === '\n' || (code >= 0x20 && code <= 0x7e) || code === 0x85 || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) || code >= 0x10000;
    if (!printable) special = true;
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = previousBreak = false;
    }
    precededByWhitespace = WHITESPACE_OR_END.includes(ch);
  });
  let allowFlowPlain = true;
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowFlowPlain = allowBlockPlain = false;
  if (spaceBreak || special) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (breakSpace) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowFlowPlain = allowBlockPlain = false;
  if (flowIndicators) allowFlowPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowFlowPlain, allowBlockPlain, allowSingleQuoted };
}

const DOUBLE_ESCAPES: Record<string, string> = { '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P' };

class Emitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent: number | undefined;
  private readonly indents: (number | undefined)[] = [];
  private flowLevel = 0;
  private readonly width: number;

  constructor(private readonly layout: YamlLayout) {
    this.width = layout.width ?? 80;
  }

  document(value: unknown): string {
    this.node(value, { mapping: false, simpleKey: false });
    this.writeIndent();
    return this.out;
  }

  private node(value: unknown, where: { mapping: boolean; simpleKey: boolean }): void {
    if (value instanceof PyValue && !(value instanceof PyFloat)) value = value.json();
    if (Array.isArray(value)) {
      if (this.flowLevel > 0 || value.length === 0 || this.flowStyle(value)) this.flowSequence(value);
      else this.blockSequence(value, where.mapping);
    } else if (value && typeof value === 'object' && !(value instanceof PyFloat)) {
      const entries = this.entries(value as Record<string, unknown>);
      if (this.flowLevel > 0 || entries.length === 0 || this.flowStyle(entries.flat())) this.flowMapping(entries);
      else this.blockMapping(entries);
    } else {
      this.scalar(value, where.simpleKey);
    }
  }

  private flowStyle(items: readonly unknown[]): boolean {
    return this.layout.flowLeaves && items.every((item) => item === null || typeof item !== 'object' || item instanceof PyValue);
  }

  private entries(value: Record<string, unknown>): [string, unknown][] {
    const entries = Object.entries(value);
    return this.layout.sortKeys === false ? entries : entries.sort(([a], [b]) => pythonCompare(a, b));
  }

  private increaseIndent(flow: boolean, indentless = false): void {
    this.indents.push(this.indent);
    if (this.indent === undefined) this.indent = flow ? this.layout.indent : 0;
    else if (!indentless) this.indent += this.layout.indent;
  }

  private blockSequence(items: readonly unknown[], mappingContext: boolean): void {
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.indent = this.indents.pop();
  }

  private blockMapping(entries: readonly [string, unknown][]): void {
    this.increaseIndent(false);
    for (const [key, item] of entries) {
      this.writeIndent();
      this.node(key, { mapping: true, simpleKey: true });
      this.writeIndicator(':', false);
      this.node(item, { mapping: true, simpleKey: false });
    }
    this.indent = this.indents.pop();
  }

  private flowSequence(items: readonly unknown[]): void {
    this.writeIndicator('[', true, true);
    this.flowLevel += 1;
    this.increaseIndent(true);
    items.forEach((item, index) => {
      if (index > 0) this.writeIndicator(',', false);
      if (this.column > this.width) this.writeIndent();
      this.node(item, { mapping: false, simpleKey: false });
    });
    this.indent = this.indents.pop();
    this.flowLevel -= 1;
    this.writeIndicator(']', false);
  }

  private flowMapping(entries: readonly [string, unknown][]): void {
    this.writeIndicator('{', true, true);
    this.flowLevel += 1;
    this.increaseIndent(true);
    entries.forEach(([key, item], index) => {
      if (index > 0) this.writeIndicator(',', false);
      if (this.column > this.width) this.writeIndent();
      this.node(key, { mapping: true, simpleKey: true });
      this.writeIndicator(':', false);
      this.node(item, { mapping: true, simpleKey: false });
    });
    this.indent = this.indents.pop();
    this.flowLevel -= 1;
    this.writeIndicator('}', false);
  }

  private scalar(value: unknown, simpleKey: boolean): void {
    this.increaseIndent(true);
    const split = !simpleKey;
    if (typeof value === 'string') {
      const analysis = analyze(value);
      const implicit = !IMPLICIT.some((pattern) => pattern.test(value));
      const plainAllowed = this.flowLevel > 0 ? analysis.allowFlowPlain : analysis.allowBlockPlain;
      if (implicit && !(simpleKey && (analysis.empty || analysis.multiline)) && plainAllowed) this.writePlain(value, split);
      else if (analysis.allowSingleQuoted && !(simpleKey && analysis.multiline)) this.writeSingleQuoted(value, split);
      else this.writeDoubleQuoted(value, split);
    } else {
      this.writePlain(representScalar(value), split);
    }
    this.indent = this.indents.pop();
  }

  private write(data: string): void {
    this.out += data;
    this.column += data.length;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    this.write(this.whitespace || !needWhitespace ? indicator : ` ${indicator}`);
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
  }

  private writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.writeLineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(' '.repeat(indent - this.column));
    }
  }

  private writeLineBreak(data = '\n'): void {
    this.whitespace = true;
    this.indention = true;
    this.out += data;
    this.column = 0;
  }

  private writePlain(text: string, split: boolean): void {
    if (!text) return;
    if (!this.whitespace) this.write(' ');
    this.whitespace = false;
    this.indention = false;
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= text.length; end += 1) {
      const ch = text[end];
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > this.width && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else {
            this.write(text.slice(start, end));
          }
          start = end;
        }
      } else if (ch === undefined || ch === ' ') {
        this.write(text.slice(start, end));
        start = end;
      }
      if (ch !== undefined) spaces = ch === ' ';
    }
  }

  private writeSingleQuoted(text: string, split: boolean): void {
    this.writeIndicator("'", true);
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= text.length; end += 1) {
      const ch = text[end];
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > this.width && split && start !== 0 && end !== text.length) this.writeIndent();
          else this.write(text.slice(start, end));
          start = end;
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          if (text[start] === '\n') this.writeLineBreak();
          for (const br of text.slice(start, end)) this.writeLineBreak(br === '\n' ? '\n' : br);
          this.writeIndent();
          start = end;
        }
      } else if ((ch === undefined || ch === ' ' || BREAKS.includes(ch) || ch === "'") && start < end) {
        this.write(text.slice(start, end));
        start = end;
      }
      if (ch === "'") {
        this.write("''");
        start = end + 1;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = BREAKS.includes(ch);
      }
    }
    this.writeIndicator("'", false);
  }

  private writeDoubleQuoted(text: string, split: boolean): void {
    this.writeIndicator('"', true);
    let start = 0;
    for (let end = 0; end <= text.length; end += 1) {
      const ch = text[end];
      const code = ch === undefined ? 0 : ch.codePointAt(0)!;
      const plain = ch !== undefined && !'"\\\x85\u2028\u2029\ufeff'.includes(ch) && ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd));
      if (ch === undefined || !plain) {
        if (start < end) this.write(text.slice(start, end));
        start = end;
        if (ch !== undefined) {
          const escape = DOUBLE_ESCAPES[ch];
          this.write(escape ? `\\${escape}` : code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`);
          start = end + 1;
        }
      }
      if (ch !== undefined && end > 0 && end < text.length - 1 && (ch === ' ' || start >= end) && this.column + (end - start) > this.width && split) {
        this.write(`${text.slice(start, end)}\\`);
        if (start < end) start = end;
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (text[start] === ' ') {
          this.write('\\');
        }
      }
    }
    this.writeIndicator('"', false);
  }
}

/** PyYAML's SafeRepresenter for non-string scalars. */
function representScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number' && Number.isInteger(value)) return pythonNumber(value);
  if (typeof value === 'number' || value instanceof PyFloat) {
    const number = Number(value);
    if (Number.isNaN(number)) return '.nan';
    if (!Number.isFinite(number)) return number > 0 ? '.inf' : '-.inf';
    // PyYAML's represent_float: the repr, with a point before an exponent (1.0e+20).
    const text = floatRepr(number);
    return !text.includes('.') && text.includes('e') ? text.replace('e', '.0e') : text;
  }
  throw new TemplateError(`cannot represent an object: ${String(value)}`);
}

export function pythonYaml(value: unknown, layout: YamlLayout): string {
  return new Emitter(layout).document(value);
}
