/** `cx_curl URL FOLLOW FORMAT ARGS...` (engine/modules/sh/curl.sh): one request with curl, its config on curl's stdin. */
import CURL_SH from '../sh/curl.sh';
import { shellCode } from './shell-code.js';

export const CURL_FUNCTIONS = shellCode(CURL_SH);
