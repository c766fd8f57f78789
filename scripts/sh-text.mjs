/** `node --import ./scripts/sh-text.mjs`: registers scripts/sh-text-hook.mjs (`.sh` imports as text). */
import { register } from 'node:module';

register('./sh-text-hook.mjs', import.meta.url);
