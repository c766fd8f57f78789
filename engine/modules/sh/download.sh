# A URL's content into a file on the host with curl, else wget (get_url,
# unarchive's remote URL source). Needs report.sh, flags.sh and curl.sh;
# reads the caller's variables timeout (seconds), headers ("Name: value"
# lines) and, when set, curl_config (more curl config lines: user agent, TLS
# files), curl_credentials and curl_unredirected (for cx_curl), agent (the
# User-Agent, for wget) and needs_curl (why wget cannot do the request: the
# task fails with it when there is no curl).

# cx_download FILE URL WHAT [HEAD]: fetches URL into FILE (with HEAD not
# empty, asks for the headers only, as a HEAD request) following redirects, with
# the task's timeout, headers, curl_config and flags insecure, noproxy and
# netrc (for cx_curl; wget reads no ~/.netrc without it); when it cannot,
# reports status_code and response, sets cx_code to the status, cx_response
# to the reason and
# returns 1 (the caller says how the task fails), or fails the task saying
# WHAT could not be written when the disk is full; with use_gssapi and no
# Kerberos ticket, reports unknown_error and ends the script, as Ansible's
# fetch_url fails the task itself. curl reads the URL and
# headers from its stdin (cx_curl); wget (the fallback) takes the headers as
# arguments.
# shellcheck disable=SC2154 # timeout and headers are the caller's
cx_download() {
  cx_via_curl='' cx_k=''
  if command -v curl >/dev/null 2>&1; then
    cx_via_curl=1
    cx_flag insecure && cx_k=-k
    cx_curl_netrc_check
    # shellcheck disable=SC2034 # curl_common is read by cx_curl
    # Each header a curl config line, `header = "Name: value"` with \ and " escaped.
    curl_common=$( [ -z "$headers" ] || printf '%s\n' "$headers" | sed 's/[\\"]/\\&/g; s/^\(.*\)$/header = "\1"/'; printf '%s' "${curl_config-}")
    # shellcheck disable=SC2086 # cx_k is one option or none
    cx_code=$(cx_curl "$2" follow '%{http_code}' -sS $cx_k ${4:+--head} --max-time "$timeout" -K - -o "$1" -D "$1.hdr" 2>"$1.err")
    cx_rc=$?; cx_status=$(grep -E "^HTTP/" "$1.hdr" 2>/dev/null | tail -n 1 | tr -d "\r")
    [ "$cx_rc" = "$CX_CURL_GSS_FAILED" ] && { cx_report64 unknown_error "$(cat "$1.err")"; rm -f -- "$1.hdr" "$1.err"; exit 0; }
    cx_report64 content_length "$(awk '/^HTTP\// { n = "" } tolower($0) ~ /^content-length:/ { n = $2 } END { printf "%s", n }' "$1.hdr" 2>/dev/null | tr -d "\r")"
  elif command -v wget >/dev/null 2>&1; then
    [ -z "${needs_curl-}" ] || cx_fail "$needs_curl"
    cx_flag insecure && cx_k=--no-check-certificate
    cx_wget "$1" "$2" "${4-}"
    cx_rc=$?; cx_status=$(grep -E "^ *HTTP/" "$1.err" | tail -n 1 | sed "s/^ *//" | tr -d "\r"); cx_code=$(printf "%s" "$cx_status" | cut -d" " -f2)
  else cx_fail "downloading $2 needs curl or wget on the host"; fi
  if [ -n "$cx_code" ] && [ "$cx_code" != 000 ]; then cx_report status_code "$cx_code"; fi
  cx_err=$(cat "$1.err" 2>/dev/null); rm -f -- "$1.hdr" "$1.err"
  case "$cx_code" in 2??) [ "$cx_rc" = 0 ] && return 0;; esac
  # A file: URL has no HTTP status: read is success.
  case "$2" in file:/*) [ "$cx_rc" = 0 ] && return 0;; esac
  # curl 23, wget 3: the file could not be written (a full disk), whatever the server said.
  if [ "$cx_rc" = 23 ] || { [ "$cx_rc" = 3 ] && [ -z "$cx_via_curl" ]; }; then cx_fail "could not write $3 (disk full or read-only?): $cx_err; the original is unchanged"; fi
  if [ -n "$cx_status" ]; then cx_response="HTTP Error $(printf "%s" "$cx_status" | cut -d" " -f2): $(printf "%s" "$cx_status" | cut -d" " -f3-)"; else cx_response=$cx_err; fi
  cx_report64 response "$cx_response"
  return 1
}

# cx_wget FILE URL HEAD: wget's download of URL into FILE (with HEAD not
# empty, --spider: a HEAD request), with a --header
# argument for each of the task's headers, the agent, noproxy's and netrc's
# options and cx_k's option (in a subshell:
# it sets the positional parameters).
cx_wget() {
  (
    cx_file=$1 cx_url=$2 cx_head=$3; set --
    while IFS= read -r cx_h; do [ -n "$cx_h" ] && set -- "$@" "--header=$cx_h"; done <<EOF
$headers
EOF
    [ -z "${agent-}" ] || set -- "$@" "--user-agent=$agent"
    cx_flag noproxy && set -- "$@" --no-proxy
    cx_flag netrc || set -- "$@" --no-netrc
    [ -z "$cx_head" ] || set -- "$@" --spider
    # shellcheck disable=SC2086 # cx_k is one option or none
    printf '%s\n' "$cx_url" | wget -S $cx_k -T "$timeout" "$@" -O "$cx_file" -i - 2>"$cx_file.err"
  )
}
