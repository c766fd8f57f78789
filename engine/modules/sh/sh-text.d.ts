/**
 * The engine's shell code lives in `.sh` files beside this one (and
 * engine/connection/session.sh); importing one gives its text. esbuild's
 * text loader inlines it in the bundle
 * (scripts/bundle.ts), vitest does the same (vitest.config.ts), and the build
 * scripts that run the tsc output load it with scripts/sh-text-hook.mjs.
 */
declare module '*.sh' {
  const text: string;
  export default text;
}
