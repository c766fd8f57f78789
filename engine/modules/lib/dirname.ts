/** `cx_dirname PATH` sets cx_parent to PATH's directory (engine/modules/sh/dirname.sh). */
import DIRNAME_SH from '../sh/dirname.sh';
import { shellCode } from './shell-code.js';

export const DIRNAME_FUNCTION = shellCode(DIRNAME_SH);
