/** Every process command line seen on a lab host while something runs, to prove a secret never shows in one. */
import type { Lab } from './lab.js';

/** Samples the command lines of every process on `host` until stop(), which returns each one seen. */
export function watchCommandLines(lab: Lab, host: string): { stop: () => Promise<string[]> } {
  const seen = new Set<string>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { stdout } = await lab.exec(host, "for d in /proc/[0-9]*; do tr '\\0' ' ' < $d/cmdline 2>/dev/null; echo; done");
      for (const line of stdout.split('\n')) if (line.trim()) seen.add(line.trim());
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return [...seen];
    },
  };
}
