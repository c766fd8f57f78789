/** `cx_download FILE URL WHAT` (engine/modules/sh/download.sh): a URL into a file on the host, with curl (cx_curl) or wget. */
import DOWNLOAD_SH from '../sh/download.sh';
import { CURL_FUNCTIONS } from './curl.js';
import { shellCode } from './shell-code.js';

export const DOWNLOAD_FUNCTIONS = CURL_FUNCTIONS + shellCode(DOWNLOAD_SH);
