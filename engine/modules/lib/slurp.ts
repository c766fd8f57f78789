/** `cx_slurp PATH` sets cx_c to PATH's bytes with the shell's read builtin (engine/modules/sh/slurp.sh). */
import SLURP_SH from '../sh/slurp.sh';
import { shellCode } from './shell-code.js';

export const SLURP_FUNCTION = shellCode(SLURP_SH);

/** Up to this size reading a file by the shell costs less than one process (sha1sum, cat); it reads a byte per call. */
export const SLURP_MAX_BYTES = 2048;
