/**
 * Runs the bundle's engine, core.cjs (one CommonJS file), compiled with a V8
 * code cache: Node 20 keeps no compile cache for ES modules (Node 22's
 * module.enableCompileCache would), and compiling the engine was most of what
 * start-up had left. The cache is made at the end of the first run that ran
 * tasks, so it holds the code a run compiles (connecting, modules, output),
 * and kept in the user's cache directory under the bundle's size, time and
 * Node's version: a rebuilt bundle or another Node gets a cache of its own.
 * A cache V8 rejects only costs the compile it would have saved; a directory
 * that cannot be written only means no cache.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Node's own CommonJS wrapper, so the file sees require, module and __dirname
 * as usual. The bundle writes core.cjs inside it (scripts/bundle.ts): the text
 * is compiled as read, with no second, wrapped copy for V8 to flatten.
 */
export const COMMONJS_WRAPPER = { head: '(function (exports, require, module, __filename, __dirname) {', tail: '\n})' } as const;

/** Runs `file`, a CommonJS module written inside COMMONJS_WRAPPER, compiled with its code cache. */
export function runCachedCommonJs<T>(file: string, worthCaching: () => boolean): T {
  const cacheFile = cachePath(file);
  const cachedData = readCache(cacheFile);
  const source = readFileSync(file, 'utf8');
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => worthCaching() && writeCache(cacheFile, script));
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

function cachePath(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'cxplay', `core-${size}-${Math.round(mtimeMs)}-${process.version}-${process.arch}.cache`);
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written aside and renamed, so a run that starts meanwhile reads a whole cache or none. */
function writeCache(path: string, script: Script): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    // No cache this time: the next run compiles again.
  }
}
