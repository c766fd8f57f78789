/** `cx_flags_set FLAGS` and `cx_flag WORD` (engine/modules/sh/flags.sh), for the scripts that take their options as one list of words. */
import FLAGS_SH from '../sh/flags.sh';
import { shellCode } from './shell-code.js';

export const FLAG_FUNCTIONS = shellCode(FLAGS_SH);
