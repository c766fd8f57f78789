/**
 * The Jinja environment settings a template file is read with, as Ansible's
 * template action sets them: trim_blocks on, lstrip_blocks off, `\n`
 * newlines, Jinja's delimiters, and a template's own `#jinja2:` first line
 * (`#jinja2: lstrip_blocks: True, variable_start_string: '[['`) overriding
 * them for that template and what it includes.
 */
import { ansibleBoolean } from '../../booleans.js';
import { TemplateError, type SourcePosition } from '../../errors.js';

export interface JinjaSettings {
  readonly blockStart: string;
  readonly blockEnd: string;
  readonly variableStart: string;
  readonly variableEnd: string;
  readonly commentStart: string;
  readonly commentEnd: string;
  readonly trimBlocks: boolean;
  readonly lstripBlocks: boolean;
  readonly keepTrailingNewline: boolean;
  readonly newlineSequence: string;
}

export const ANSIBLE_TEMPLATE_SETTINGS: JinjaSettings = {
  blockStart: '{%',
  blockEnd: '%}',
  variableStart: '{{',
  variableEnd: '}}',
  commentStart: '{#',
  commentEnd: '#}',
  trimBlocks: true,
  lstripBlocks: false,
  keepTrailingNewline: false,
  newlineSequence: '\n',
};

/** The header's option names (Jinja's Environment attributes) and the setting each sets. */
const OPTIONS: Readonly<Record<string, { key: keyof JinjaSettings; type: 'boolean' | 'string' }>> = {
  block_start_string: { key: 'blockStart', type: 'string' },
  block_end_string: { key: 'blockEnd', type: 'string' },
  variable_start_string: { key: 'variableStart', type: 'string' },
  variable_end_string: { key: 'variableEnd', type: 'string' },
  comment_start_string: { key: 'commentStart', type: 'string' },
  comment_end_string: { key: 'commentEnd', type: 'string' },
  trim_blocks: { key: 'trimBlocks', type: 'boolean' },
  lstrip_blocks: { key: 'lstripBlocks', type: 'boolean' },
  keep_trailing_newline: { key: 'keepTrailingNewline', type: 'boolean' },
  newline_sequence: { key: 'newlineSequence', type: 'string' },
};

export const HEADER = '#jinja2:';

export function optionNames(): string[] {
  return Object.keys(OPTIONS);
}

/**
 * The settings after a template's `#jinja2:` line, and the template without
 * that line (Ansible drops it with its newline). `at` is the file, for errors.
 */
export function readHeader(source: string, base: JinjaSettings, file: string): { settings: JinjaSettings; body: string } {
  if (!source.startsWith(HEADER)) return { settings: base, body: source };
  const end = source.indexOf('\n');
  const line = source.slice(HEADER.length, end < 0 ? undefined : end);
  const at: SourcePosition = { file, line: 1, col: 1 };
  const settings: Record<string, unknown> = { ...base };
  for (const pair of line.split(',')) {
    const colon = pair.indexOf(':');
    if (colon < 0) throw new TemplateError(`failed to parse jinja2 override '${pair.trim()}'`, { at, hint: 'write name: value pairs separated by commas, e.g. #jinja2: lstrip_blocks: True' });
    const name = pair.slice(0, colon).trim();
    const option = Object.prototype.hasOwnProperty.call(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (!option) throw new TemplateError(`the #jinja2: header option '${name}' is not supported`, { at, hint: `supported: ${optionNames().join(', ')}` });
    settings[option.key] = literal(pair.slice(colon + 1).trim(), option.type, name, at);
  }
  return { settings: settings as unknown as JinjaSettings, body: end < 0 ? '' : source.slice(end + 1) };
}

/** A Python literal as ast.literal_eval reads the header's values: True/False, or a quoted string. */
function literal(text: string, type: 'boolean' | 'string', name: string, at: SourcePosition): boolean | string {
  if (type === 'boolean') {
    if (text === 'True' || text === 'False') return text === 'True';
  } else {
    const quoted = /^(['"])((?:\\.|(?!\1).)*)\1$/.exec(text);
    if (quoted) return quoted[2]!.replace(/\\(.)/g, (_m, char: string) => ({ n: '\n', r: '\r', t: '\t' })[char] ?? char);
  }
  throw new TemplateError(`the #jinja2: header gives ${name} the value ${text}`, { at, hint: type === 'boolean' ? 'write True or False' : "write a quoted string, e.g. '[['" });
}

/** The template module's arguments that set Jinja's environment, as Ansible's template action maps them. */
export const MODULE_OPTIONS = ['trim_blocks', 'lstrip_blocks', 'newline_sequence', 'block_start_string', 'block_end_string', 'variable_start_string', 'variable_end_string', 'comment_start_string', 'comment_end_string'] as const;

/**
 * The settings a template task's arguments ask for (booleans as Ansible
 * reads them: yes/no, true/false...); `newline_sequence` may be written
 * escaped (`\\n`), as Ansible accepts it.
 */
export function settingsFromArguments(args: Readonly<Record<string, unknown>>): JinjaSettings {
  const settings: Record<string, unknown> = { ...ANSIBLE_TEMPLATE_SETTINGS };
  for (const name of MODULE_OPTIONS) {
    const value = args[name];
    if (value === undefined || value === null) continue;
    const option = OPTIONS[name]!;
    settings[option.key] = option.type === 'boolean' ? ansibleBoolean(value) ?? value : name === 'newline_sequence' ? unescapeNewline(String(value)) : String(value);
  }
  return settings as unknown as JinjaSettings;
}

function unescapeNewline(text: string): string {
  const escaped: Record<string, string> = { '\\n': '\n', '\\r': '\r', '\\r\\n': '\r\n' };
  return escaped[text] ?? text;
}

/** A key telling settings apart, for caches of parsed templates. */
export function settingsKey(settings: JinjaSettings): string {
  return JSON.stringify(settings);
}
