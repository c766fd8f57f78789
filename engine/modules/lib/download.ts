/** `cx_download FILE URL WHAT` (engine/modules/sh/download.sh): a URL into a file on the host, with curl or wget. */
import DOWNLOAD_SH from '../sh/download.sh';
import { shellCode } from './shell-code.js';

export const DOWNLOAD_FUNCTIONS = shellCode(DOWNLOAD_SH);
