/** `cx_download FILE URL WHAT` (engine/modules/sh/download.sh): a URL into a file on the host, with curl (cx_curl) or wget. */
import DOWNLOAD_SH from '../sh/download.sh';
import { CURL_FUNCTIONS } from './curl.js';
import { curlRequestConfig, DEFAULT_HTTP_AGENT } from './http-request.js';
import { shellCode } from './shell-code.js';

export const DOWNLOAD_FUNCTIONS = CURL_FUNCTIONS + shellCode(DOWNLOAD_SH);

/**
 * The variables cx_download reads for the request Ansible's fetch_url makes
 * for a module without url options of its own (apt's deb, unarchive,
 * authorized_key): 10 s, no headers, url_argument_spec's default User-Agent.
 */
export const FETCH_REQUEST: Readonly<Record<string, string>> = { timeout: '10', headers: '', curl_config: curlRequestConfig({}).join('\n'), agent: DEFAULT_HTTP_AGENT };
