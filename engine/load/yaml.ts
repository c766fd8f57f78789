/**
 * YAML files as Ansible reads them (YAML 1.1 through PyYAML: yes/no/on/off
 * are booleans, 0755 is octal), turned into plain values while recording the
 * position of every mapping, list and key (see positions.ts). Guarded: syntax
 * errors and duplicate keys name file:line:col, aliases are bounded (no
 * billion laughs), merge-key loops and prototype keys are refused, oversized
 * files are refused, `!unsafe` marks a string never templated (UnsafeText; on a list or mapping, each string in it),
 * `!vault` values and whole vault-encrypted files are decrypted with the
 * run's vault passwords (a missing or wrong one is an error at file:line:col),
 * and other tags are refused rather than misread.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, visit, type Alias, type Document, type Node as YamlNode, type CollectionTag, type ScalarTag, type YAMLError } from 'yaml';
import { CxError, type SourcePosition } from '../errors.js';
import { keyPositionOf, recordKeyPosition, recordPosition } from './positions.js';
import type { SourceCache } from './source-cache.js';
import { decodeText, yamlText } from './source-text.js';
import { aliasTargets, composeDocument } from './yaml-document.js';
import { pyyamlTags } from './yaml-scalars.js';
import { PyFloat } from '../template/python.js';
import { UnsafeText } from '../template/unsafe.js';
import { isVaultText } from '../vault/envelope.js';
import { VaultKeyring } from '../vault/keyring.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Nodes that alias expansion may produce in one file; far above any real playbook. */
export const MAX_ALIAS_NODES = 10_000;
/** Nesting depth of mappings and lists; deeper is a generated attack, not a playbook. */
export const MAX_DEPTH = 200;
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const STANDARD_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));
/** Ansible's `!unsafe` on a string: its text as written, never templated. */
const UNSAFE_TAG: ScalarTag = { tag: '!unsafe', identify: (value) => value instanceof UnsafeText, resolve: (text) => new UnsafeText(text) };
/** `!unsafe` on a list or mapping: read as usual here; the converter marks the strings in it. */
const UNSAFE_COLLECTION_TAGS: CollectionTag[] = (['seq', 'map'] as const).map((collection) => ({ tag: '!unsafe', collection, default: false }));

/** A `!vault` scalar's text, decrypted by the converter, which knows its position. */
class EncryptedScalar {
  constructor(readonly text: string) {}
}
const VAULT_TAG: ScalarTag = { tag: '!vault', identify: (value) => value instanceof EncryptedScalar, resolve: (text) => new EncryptedScalar(text) };

/** Parse a YAML file, once per run (a role used twice is read once). Callers must not modify the result. */
export function loadYamlFile(file: string, sources: SourceCache): unknown {
  const path = resolve(file);
  if (sources.yaml.has(path)) return sources.yaml.get(path);
  const text = readTextFile(path);
  const value = isVaultText(text) ? parseEncryptedYaml(text, path, sources.vault) : parseYaml(text, path, sources.vault);
  sources.yaml.set(path, value);
  return value;
}

/** A text file's content, refused with a clear error when missing, a directory or over MAX_FILE_BYTES. */
export function readTextFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CxError(`${file} is a directory, not a YAML file`, { at: { file } });
    size = stat.size;
  } catch (error) {
    if (error instanceof CxError) throw error;
    throw new CxError(`cannot read ${file}: ${readProblem(error)}`, { at: { file }, hint: 'check the path' });
  }
  if (size > MAX_FILE_BYTES) throw tooLarge(file, size);
  return decodeText(readFileSync(file), file);
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

function tooLarge(file: string, size: number): CxError {
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return new CxError(`${file} is ${mib(size)}; YAML files over ${mib(MAX_FILE_BYTES)} are refused`, {
    at: { file },
    hint: 'split the data into smaller files',
  });
}

/** A whole vault-encrypted YAML file: every value in it is a secret. */
function parseEncryptedYaml(text: string, file: string, vault: VaultKeyring): unknown {
  const value = parseYaml(decodeText(vault.decrypt(text, { file, line: 1 }), file), file, vault);
  vault.reveal(value);
  return value;
}

/** Parse YAML text; `file` names it in errors; `vault` decrypts its !vault values. */
export function parseYaml(text: string, file: string, vault = new VaultKeyring()): unknown {
  if (text.length > MAX_FILE_BYTES) throw tooLarge(file, text.length);
  const source = yamlText(text, file);
  const lineCounter = new LineCounter();
  const options = { version: '1.1', customTags: (tags: Parameters<typeof pyyamlTags>[0]) => [...pyyamlTags(tags), UNSAFE_TAG, ...UNSAFE_COLLECTION_TAGS, VAULT_TAG], uniqueKeys: true, lineCounter, prettyErrors: false } as const;
  const position = (offset: number): SourcePosition => ({ file, ...lineCounter.linePos(offset) });
  const document = composeDocument(source, options, { maxDepth: MAX_DEPTH, maxAliases: MAX_ALIAS_NODES }, position);
  const problem = document.errors[0] ?? document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (problem) throw yamlError(problem, source, position, document);
  return new Converter(document, position, vault).convert(document.contents as YamlNode | null, 0);
}

function yamlError(error: YAMLError, source: string, position: (offset: number) => SourcePosition, document: Document): CxError {
  const at = position(error.pos[0]);
  const unclosed = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? unclosedQuoteStart(document, error.pos[0]) : undefined;
  if (unclosed !== undefined) {
    return new CxError('a quoted value is never closed', { at: position(unclosed), hint: 'add the closing quote on this line (a quoted value may run on for lines until it finds one)' });
  }
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return new CxError(`duplicate key '${keyTextAt(source, error.pos[0])}' in a mapping`, { at, hint: 'remove or rename one of the two keys (YAML would silently keep only one)' });
    case 'MULTIPLE_DOCS':
      return new CxError('the file holds more than one YAML document (a second ---)', { at, hint: 'keep one document per file' });
    case 'TAG_RESOLVE_FAILED':
      return unsupportedTag(source.slice(error.pos[0], error.pos[1]), at);
    default: {
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return new CxError(`YAML syntax error: ${message}`, { at, hint: 'check the indentation, quotes and colons around this line' });
    }
  }
}

/** The parser notices a missing quote at the end of the file; the quote that opened the value is what to fix. */
function unclosedQuoteStart(document: Document, end: number): number | undefined {
  let start: number | undefined;
  visit(document, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) start = node.range[0];
    },
  });
  return start;
}

function keyTextAt(source: string, offset: number): string {
  const match = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*:(?:\s|$)/.exec(source.slice(offset));
  return (match?.[1] ?? source.slice(offset).split(/[:\n]/)[0]!).replace(/^["']|["']$/g, '');
}

function unsupportedTag(tag: string, at: SourcePosition): CxError {
  if (tag === '!vault') return new CxError('!vault marks an encrypted string, not a list or mapping', { at, hint: 'paste the output of cxplay vault encrypt_string (or ansible-vault encrypt_string) as the value' });
  return new CxError(`YAML tag '${tag}' is not supported`, { at, hint: 'write a plain string, number, boolean, list or mapping' });
}

class Converter {
  /** Nodes produced through aliases so far (each expansion counts all it copies). */
  private aliasNodes = 0;
  private aliasDepth = 0;
  /** The outermost alias being expanded: where an alias bomb is reported. */
  private aliasOrigin: SourcePosition | undefined;
  private readonly expanding = new Set<YamlNode>();
  private readonly aliasTargets: Map<Alias, YamlNode>;

  constructor(
    document: Document,
    private readonly position: (offset: number) => SourcePosition,
    private readonly vault: VaultKeyring,
  ) {
    this.aliasTargets = aliasTargets(document);
  }

  convert(node: YamlNode | null | undefined, depth: number): unknown {
    if (!node) return null;
    if (this.aliasDepth > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      throw new CxError(`aliases expand to more than ${MAX_ALIAS_NODES} values (an alias bomb?)`, { at: this.aliasOrigin, hint: 'write the data out instead of nesting aliases' });
    }
    if (depth > MAX_DEPTH) throw new CxError(`nesting deeper than ${MAX_DEPTH} levels`, { at: this.at(node), hint: 'flatten the data' });
    if (isAlias(node)) return this.alias(node, depth);
    this.checkTag(node);
    if (isScalar(node)) return node.value instanceof EncryptedScalar ? this.vault.decryptText(node.value.text, this.at(node)) : node.value;
    if (isSeq(node)) {
      const list: unknown[] = [];
      recordPosition(list, this.at(node));
      for (const item of node.items) {
        // Items are located by index too: a plain string item has no object to hang a position on.
        if (item) recordKeyPosition(list, String(list.length), this.at(item as YamlNode));
        list.push(this.convert(item as YamlNode, depth + 1));
      }
      return node.tag === '!unsafe' ? markedUnsafe(list) : list;
    }
    if (isMap(node)) return node.tag === '!unsafe' ? markedUnsafe(this.map(node, depth)) : this.map(node, depth);
    return null;
  }

  private checkTag(node: YamlNode): void {
    if (node.tag === '!unsafe' && (isSeq(node) || isMap(node))) return;
    if (node.tag && !STANDARD_TAGS.has(node.tag) && !(isScalar(node) && (isMergeSymbol(node.value) || node.value instanceof UnsafeText || node.value instanceof EncryptedScalar))) {
      throw unsupportedTag(node.tag.replace('tag:yaml.org,2002:', '!!'), this.at(node));
    }
  }

  private map(node: YamlNode & { items: unknown[] }, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    recordPosition(out, this.at(node));
    const merged: Record<string, unknown>[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const at = keyNode ? this.at(keyNode) : this.at(node);
      if (isScalar(keyNode) && isMergeSymbol(keyNode.value)) {
        merged.push(...this.mergeSources(pair.value as YamlNode, at, depth));
        continue;
      }
      const key = this.keyText(keyNode, at, depth);
      if (FORBIDDEN_KEYS.has(key)) throw new CxError(`key '${key}' is not allowed`, { at, hint: 'rename it: as an object key it could change how every object behaves' });
      out[key] = this.convert(pair.value as YamlNode, depth + 1);
      recordKeyPosition(out, key, at);
    }
    // Merge keys (<<): explicit keys win; among sources, the earlier wins.
    for (const source of merged) {
      for (const [key, value] of Object.entries(source)) {
        if (Object.prototype.hasOwnProperty.call(out, key)) continue;
        out[key] = value;
        recordKeyPosition(out, key, keyPositionOf(source, key)!);
      }
    }
    return out;
  }

  /** Mapping keys are plain values; Python's spelling of booleans, as Ansible would show them. */
  private keyText(keyNode: YamlNode | null, at: SourcePosition, depth: number): string {
    const key = keyNode ? this.convert(keyNode, depth + 1) : null;
    if (typeof key === 'string') return key;
    if (typeof key === 'number' || key instanceof PyFloat) return String(key);
    if (typeof key === 'boolean') return key ? 'True' : 'False';
    throw new CxError(key === null ? 'a mapping key is empty' : 'a mapping key must be a plain value, not a list or mapping', { at, hint: 'write a name before the colon' });
  }

  private mergeSources(node: YamlNode, at: SourcePosition, depth: number): Record<string, unknown>[] {
    const values = isSeq(node) ? node.items.map((item) => this.convert(item as YamlNode, depth + 1)) : [this.convert(node, depth + 1)];
    return values.map((value) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CxError('a merge key (<<) needs a mapping or a list of mappings', { at, hint: 'write <<: *anchor where the anchor names a mapping' });
      return value as Record<string, unknown>;
    });
  }

  private alias(node: Alias, depth: number): unknown {
    const target = this.aliasTargets.get(node);
    const at = this.at(node);
    if (!target) throw new CxError(`unknown alias *${node.source}`, { at, hint: `define the anchor &${node.source} before using it` });
    if (this.expanding.has(target)) throw new CxError(`alias *${node.source} refers to itself (a loop)`, { at, hint: 'an anchor cannot contain an alias to itself, directly or through a merge key' });
    this.expanding.add(target);
    if (this.aliasDepth === 0) this.aliasOrigin = at;
    this.aliasDepth += 1;
    try {
      return this.convert(target, depth);
    } finally {
      this.aliasDepth -= 1;
      this.expanding.delete(target);
    }
  }

  private at(node: YamlNode): SourcePosition {
    return this.position(node.range?.[0] ?? 0);
  }
}

/**
 * `!unsafe` on a list or mapping marks every string in it, as Ansible's
 * wrap_var does (keys stay plain text). The containers are the converter's
 * own, so they are changed in place and keep their recorded positions.
 */
function markedUnsafe(value: unknown): unknown {
  if (typeof value === 'string') return new UnsafeText(value);
  if (Array.isArray(value)) value.forEach((item, index) => (value[index] = markedUnsafe(item)));
  else if (value && typeof value === 'object' && !(value instanceof UnsafeText)) {
    const mapping = value as Record<string, unknown>;
    for (const key of Object.keys(mapping)) mapping[key] = markedUnsafe(mapping[key]);
  }
  return value;
}

/** The YAML 1.1 schema reads a plain `<<` key as the merge symbol. */
function isMergeSymbol(value: unknown): boolean {
  return typeof value === 'symbol' && value.description === '<<';
}
