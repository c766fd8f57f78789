/**
 * Bundles the `cxplay` CLI into dist/bundle/ with esbuild, after `tsc`.
 * Node then reads and compiles a few files instead of resolving, stat-ing and
 * compiling some hundred modules of the engine and its dependencies:
 * - cxplay.js, the entry (ES module): `--version`, then the engine;
 * - core.cjs, the engine as one CommonJS file, which the entry runs with a V8
 *   code cache (engine/cli/code-cache.ts); code behind dynamic imports
 *   (Handlebars, the SSH connection, the plain and JSON views) is evaluated
 *   only when used;
 * - tui.js, the live view (ink, ES modules with top-level await, which
 *   CommonJS cannot hold): the entry imports it and hands core.cjs the
 *   function that does (`LoadTui` in engine/views/view.ts).
 */
import { build, type Plugin } from 'esbuild';
import { COMMONJS_WRAPPER } from '../engine/cli/code-cache.js';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = join(root, 'dist', 'bundle');

// The live view's CommonJS dependencies (React and others) call require() and
// read __dirname, which ES modules do not have: each of its chunks gets its own.
const banner = [
  "import { createRequire as __cxplayCreateRequire } from 'node:module';",
  "import { dirname as __cxplayDirname } from 'node:path';",
  "import { fileURLToPath as __cxplayFileURLToPath } from 'node:url';",
  'const require = __cxplayCreateRequire(import.meta.url);',
  'const __filename = __cxplayFileURLToPath(import.meta.url);',
  'const __dirname = __cxplayDirname(__filename);',
].join('\n');

/**
 * ssh2 loads its native crypto binding with a path relative to its own file
 * (and falls back to node:crypto and WebAssembly without it). The bundle asks
 * for it by package path instead, which resolves through node_modules.
 */
const ssh2NativeBinding: Plugin = {
  name: 'ssh2-native-binding',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/sshcrypto\.node$/ }, () => ({
      path: 'ssh2/lib/protocol/crypto/build/Release/sshcrypto.node',
      external: true,
    }));
  },
};

/** The validators scripts/validators.ts generated, in place of the empty table the sources carry. */
const precompiledValidators: Plugin = {
  name: 'precompiled-validators',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/precompiled-validators\.js$/ }, () => ({ path: join(root, 'dist', 'generated', 'validators', 'index.js') }));
  },
};

const common = {
  absWorkingDir: root,
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Module shell code (engine/modules/sh/*.sh) is inlined as text.
  loader: { '.sh': 'text' },
  // Without indentation and line breaks core.cjs is 28% smaller (4.0 -> 2.9 MB), which every run reads and
  // decodes: some 12 ms of controller CPU. Names are kept; a stack trace's positions (-vvv) are found in the
  // sources through the source maps, as before.
  minifyWhitespace: true,
} as const;
// ssh2's optional native CPU probe, required in a try/catch; React DevTools, which ink imports only under DEV=true.
const optional = ['cpu-features', 'react-devtools-core'];

rmSync(outdir, { recursive: true, force: true });
// The entry: `--version`, then the engine from core.cjs.
await build({ ...common, entryPoints: { cxplay: 'engine/cli/main.ts' }, format: 'esm', splitting: true, external: ['./program.js'] });
// The engine as one CommonJS file, which the entry compiles with a V8 code cache (engine/cli/code-cache.ts).
// It is written inside Node's CommonJS wrapper (COMMONJS_WRAPPER), so the entry compiles the text as read:
// wrapping it at run time made a second string that V8 copies whole (2.9 MB) before compiling.
await build({
  ...common,
  entryPoints: { core: 'engine/cli/program.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': '__cxplayUrl' },
  banner: { js: `${COMMONJS_WRAPPER.head}const __cxplayUrl = require('node:url').pathToFileURL(__filename).href;` },
  footer: { js: COMMONJS_WRAPPER.tail },
  plugins: [ssh2NativeBinding, precompiledValidators],
  external: optional,
});
assertAscii(join(outdir, 'core.cjs'));
// The live view; React DevTools stays a chunk never loaded.
await build({ ...common, entryPoints: { tui: 'engine/views/tui/tui-view.ts' }, format: 'esm', splitting: true, banner: { js: banner }, external: optional });

/**
 * One non-ASCII character anywhere makes V8 hold the whole engine source as
 * UTF-16 (twice the bytes, widened on every run's read and scanned that way):
 * some 0.1 s of CPU per run. esbuild escapes it in strings, not in a regular
 * expression literal: such text goes in a string (engine/connection/become.ts).
 */
function assertAscii(file: string): void {
  const text = readFileSync(file, 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at < 0) return;
  const line = text.slice(0, at).split('\n').length;
  throw new Error(`${file}:${line}: a non-ASCII character (${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}): write it in a string, which esbuild escapes, not in a regular expression literal`);
}
