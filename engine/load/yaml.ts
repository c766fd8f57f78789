/**
 * YAML files as Ansible reads them (YAML 1.1: yes/no are booleans), turned
 * into plain values while recording the position of every mapping, list and
 * key. Guarded: syntax errors and duplicate keys name file:line:col, aliases
 * are bounded (no billion laughs), merge-key loops and prototype keys are
 * refused, oversized files are refused.
 */
import { readFileSync, statSync } from 'node:fs';
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { CxError, type SourcePosition } from '../errors.js';
import { recordKeyPosition, recordPosition } from './positions.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Nodes that alias expansion may produce in one file; far above any real playbook. */
export const MAX_ALIAS_NODES = 10_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const cache = new Map<string, unknown>();

/** Parse a YAML file (cached for the run: a role used twice is read once). */
export function loadYamlFile(file: string): unknown {
  if (cache.has(file)) return cache.get(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CxError(`cannot read ${file}: no such file`, { at: { file }, hint: 'check the path' });
  }
  if (size > MAX_FILE_BYTES) {
    throw new CxError(`${file} is ${Math.round(size / 1024 / 1024)} MiB; YAML files over ${MAX_FILE_BYTES / 1024 / 1024} MiB are refused`, { at: { file } });
  }
  const value = parseYaml(readFileSync(file, 'utf8'), file);
  cache.set(file, value);
  return value;
}

export function parseYaml(source: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { version: '1.1', uniqueKeys: true, lineCounter, prettyErrors: false, merge: false });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const firstError = document.errors[0];
  if (firstError) {
    const message = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    const hint = firstError.code === 'DUPLICATE_KEY' ? 'remove or rename one of the two keys' : 'fix the YAML syntax (indentation, quotes, colons)';
    throw new CxError(`YAML ${firstError.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'syntax error'}: ${message}`, { at: position(firstError.pos[0]), hint });
  }
  return new Converter(document, position).convert(document.contents as YamlNode | null);
}

class Converter {
  private aliasNodes = 0;
  private readonly expanding = new Set<YamlNode>();

  constructor(
    private readonly document: Document,
    private readonly position: (offset: number) => SourcePosition,
  ) {}

  convert(node: YamlNode | null | undefined): unknown {
    if (!node) return null;
    if (isAlias(node)) return this.alias(node);
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      const list: unknown[] = [];
      recordPosition(list, this.at(node));
      for (const item of node.items) list.push(this.convert(item as YamlNode));
      return list;
    }
    if (isMap(node)) return this.map(node);
    return null;
  }

  private map(node: YamlNode & { items: unknown[] }): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    recordPosition(out, this.at(node));
    const merged: Record<string, unknown>[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : JSON.stringify(this.convert(keyNode));
      const at = keyNode ? this.at(keyNode) : this.at(node);
      if (key === '<<' && isScalar(keyNode)) {
        merged.push(...this.mergeSources(pair.value as YamlNode, at));
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) throw new CxError(`the key '${key}' is not allowed`, { at, hint: 'rename it: it could change how every object behaves' });
      out[key] = this.convert(pair.value as YamlNode);
      recordKeyPosition(out, key, at);
    }
    // Merge keys (<<): explicit keys win, earlier merge sources win over later ones.
    for (const source of merged) {
      for (const [key, value] of Object.entries(source)) if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
    }
    return out;
  }

  private mergeSources(node: YamlNode, at: SourcePosition): Record<string, unknown>[] {
    const values = isSeq(node) ? node.items.map((item) => this.convert(item as YamlNode)) : [this.convert(node)];
    return values.map((value) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CxError('a merge key (<<) needs a mapping or a list of mappings', { at });
      return value as Record<string, unknown>;
    });
  }

  private alias(node: Alias): unknown {
    const target = node.resolve(this.document) as YamlNode | undefined;
    const at = this.at(node);
    if (!target) throw new CxError(`unknown alias *${node.source}`, { at });
    if (this.expanding.has(target)) throw new CxError(`alias *${node.source} refers to itself (a loop)`, { at, hint: 'an anchor cannot contain an alias to itself' });
    this.aliasNodes += countNodes(target, this.document);
    if (this.aliasNodes > MAX_ALIAS_NODES) {
      throw new CxError(`aliases expand to more than ${MAX_ALIAS_NODES} nodes (an alias bomb?)`, { at, hint: 'write the data out instead of nesting aliases' });
    }
    this.expanding.add(target);
    try {
      return this.convert(target);
    } finally {
      this.expanding.delete(target);
    }
  }

  private at(node: YamlNode): SourcePosition {
    return this.position(node.range?.[0] ?? 0);
  }
}

/** Size of a subtree with aliases counted at their expanded size (bounded by MAX_ALIAS_NODES). */
function countNodes(node: YamlNode, document: Document, seen = new Set<YamlNode>(), budget = { left: MAX_ALIAS_NODES + 1 }): number {
  if (budget.left <= 0) return MAX_ALIAS_NODES + 1;
  budget.left -= 1;
  if (isAlias(node)) {
    const target = node.resolve(document) as YamlNode | undefined;
    if (!target || seen.has(target)) return 1;
    seen.add(target);
    const size = countNodes(target, document, seen, budget);
    seen.delete(target);
    return size;
  }
  let total = 1;
  if (isSeq(node)) for (const item of node.items) total += countNodes(item as YamlNode, document, seen, budget);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair)) total += countNodes(pair.value as YamlNode, document, seen, budget);
    }
  }
  return Math.min(total, MAX_ALIAS_NODES + 1);
}
