/**
 * The `yaml` package's parseDocument, with two bounds checked on the
 * concrete syntax tree before it is composed: the composer recurses once per
 * nesting level (10,000 nested lists overflow the stack), and resolving
 * aliases costs time per alias, so a file holding more aliases than may
 * ever expand is refused before any is resolved. The CST walk is iterative
 * and linear in the size of the file.
 */
import { Composer, isAlias, Parser, visit, YAMLParseError, type Alias, type CST, type Node as YamlNode, type Document, type DocumentOptions, type LineCounter, type ParseOptions, type SchemaOptions } from 'yaml';
import { CxError, type SourcePosition } from '../errors.js';
import { lineAndColumn } from './source-text.js';

export interface YamlBounds {
  /** Nested mappings and lists, counted from the document's top. */
  readonly maxDepth: number;
  /** Alias nodes (`*name`) in the file. */
  readonly maxAliases: number;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions & { lineCounter: LineCounter };

/** One document (a second one is recorded as a MULTIPLE_DOCS error, as parseDocument does). */
export function composeDocument(source: string, options: Options, bounds: YamlBounds, position: (offset: number) => SourcePosition): Document.Parsed {
  checkCompactNesting(source, bounds, position);
  const parser = new Parser(options.lineCounter.addNewLine);
  const composer = new Composer(options);
  let document: Document.Parsed | undefined;
  for (const next of composer.compose(checkedTokens(parser.parse(source), bounds, position), true, source.length)) {
    if (!document) {
      document = next;
      continue;
    }
    document.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
    break;
  }
  return document!;
}

/** `- - - - x` nests lists on one line, and the CST parser itself recurses for those: counted on the text first. */
function checkCompactNesting(source: string, bounds: YamlBounds, position: (offset: number) => SourcePosition): void {
  const match = new RegExp(`^[ \\t]*(?:-[ \\t]+){${bounds.maxDepth}}-`, 'm').exec(source);
  // Before parsing, the position function's line counter is still empty: the text gives line and column.
  const offset = match ? match.index + match[0].length - 1 : -1;
  if (match) throw tooDeep(bounds, { ...position(offset), ...lineAndColumn(source, offset) });
}

function tooDeep(bounds: YamlBounds, at: SourcePosition): CxError {
  return new CxError(`nesting deeper than ${bounds.maxDepth} levels`, { at, hint: 'flatten the data (no real playbook nests this deep)' });
}

function* checkedTokens(tokens: Iterable<CST.Token>, bounds: YamlBounds, position: (offset: number) => SourcePosition): Generator<CST.Token> {
  const aliases = { count: 0 };
  for (const token of tokens) {
    checkToken(token, bounds, aliases, position);
    yield token;
  }
}

/** Walks one top-level token with an explicit stack (recursion is what deep input breaks). */
function checkToken(root: CST.Token, bounds: YamlBounds, aliases: { count: number }, position: (offset: number) => SourcePosition): void {
  const stack: [CST.Token, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [token, depth] = entry;
    if (token.type === 'alias' && ++aliases.count > bounds.maxAliases) {
      throw new CxError(`more than ${bounds.maxAliases} aliases in one file (an alias bomb?)`, { at: position(token.offset), hint: 'write the data out instead of repeating aliases' });
    }
    // Pushed last to first, so the walk goes in document order (the first alias over the bound is the one reported).
    for (const child of children(token).reverse()) {
      const childDepth = isCollection(child) ? depth + 1 : depth;
      if (childDepth > bounds.maxDepth) throw tooDeep(bounds, position(child.offset));
      stack.push([child, childDepth]);
    }
  }
}

function isCollection(token: CST.Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

function children(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : [];
    case 'block-scalar':
      return [];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return token.items.flatMap((item) => [item.key, item.value].filter((child): child is CST.Token => child !== undefined && child !== null));
    default:
      return [];
  }
}

/**
 * What each alias refers to: the last node anchored with its name before it,
 * in document order (as Alias.resolve finds it, but for all aliases in one
 * walk instead of one walk of the document per alias).
 */
export function aliasTargets(document: Document): Map<Alias, YamlNode> {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode>();
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  return targets;
}
