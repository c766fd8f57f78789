/**
 * Module hooks (`node --import ./scripts/sh-text.mjs`) that let the tsc
 * output import the engine's `.sh` files as text, as the bundle does. tsc does
 * not copy them to dist/, which mirrors the source tree (rootDir "."), so a
 * `.sh` imported from dist/X resolves to X.
 */
import { readFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url).href;
const root = new URL('../', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (!specifier.endsWith('.sh') || !context.parentURL) return nextResolve(specifier, context);
  const url = new URL(specifier, context.parentURL).href;
  return { url: url.startsWith(dist) ? root + url.slice(dist.length) : url, shortCircuit: true };
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.sh')) return nextLoad(url, context);
  return { format: 'module', source: `export default ${JSON.stringify(readFileSync(new URL(url), 'utf8'))};`, shortCircuit: true };
}
