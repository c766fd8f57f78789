# One HTTP request with curl, as Ansible's url options make it (uri and
# get_url's download, engine/modules/lib/curl.ts). Needs flags.sh. The
# request's curl config lines come in the caller's variables (on curl's
# stdin, never in its arguments: printf is a builtin, nothing shows in ps):
#   curl_common: method, headers, agent, TLS files, proxy, unix socket, body;
#   curl_credentials: the task's user and its auth scheme (none: empty);
#   curl_unredirected: the headers only the first request carries
#     (unredirected_headers; none: empty).
# Flag netrc: curl reads credentials from $NETRC, else ~/.netrc (where the
# file has the request's host), as Ansible does when the task gives no
# username; like Python's netrc, a ~/.netrc others may read fails the task
# (cx_curl_netrc_check, before cx_curl: it runs in a subshell).

# cx_curl URL FOLLOW FORMAT CURL_ARGUMENT...: requests URL and prints what
# curl's -w FORMAT says of the last request; follows redirects when FOLLOW
# is not empty. With unredirected headers, follows a redirect with a second
# curl that leaves them out (curl sends its headers to every hop), and the
# credentials too when the redirect leaves URL's host and port (Ansible
# answers a 401 only for the host it was given). Returns curl's status.
cx_curl() {
  cx_curl_url=$1 cx_curl_follow=$2 cx_curl_format=$3; shift 3
  if [ -z "$cx_curl_follow" ] || [ -z "${curl_unredirected-}" ]; then
    cx_curl_config "$cx_curl_url" "${curl_credentials-}" "${curl_unredirected-}" | curl ${cx_curl_follow:+-L} "$@" -w "$cx_curl_format"
    return
  fi
  cx_curl_w=$(cx_curl_config "$cx_curl_url" "${curl_credentials-}" "$curl_unredirected" | curl "$@" -w '%{redirect_url}\n'"$cx_curl_format")
  cx_curl_rc=$?
  cx_curl_next=$(printf '%s\n' "$cx_curl_w" | sed -n 1p)
  if [ -z "$cx_curl_next" ] || [ "$cx_curl_rc" != 0 ]; then printf '%s\n' "$cx_curl_w" | sed 1d; return "$cx_curl_rc"; fi
  cx_curl_keep=''; [ "$(cx_curl_authority "$cx_curl_next")" = "$(cx_curl_authority "$cx_curl_url")" ] && cx_curl_keep=${curl_credentials-}
  cx_curl_config "$cx_curl_next" "$cx_curl_keep" '' | curl -L "$@" -w "$cx_curl_format"
}

# cx_curl_netrc_check: fails the task, as Python's netrc does, when curl
# would read a ~/.netrc (not $NETRC) that its group or others may access.
# shellcheck disable=SC2088 # the message names ~ as Python's does
cx_curl_netrc_check() {
  cx_flag netrc && [ -z "${NETRC-}" ] || return 0
  cx_curl_mode=$(stat -c %a "$HOME/.netrc" 2>/dev/null) || return 0
  [ $(( 0$cx_curl_mode & 077 )) = 0 ] || cx_fail "~/.netrc access too permissive: access permissions must restrict access to only the owner"
}

# cx_curl_config URL CREDENTIALS UNREDIRECTED: prints the config lines of a
# request of URL (with \ and " escaped).
# shellcheck disable=SC2154 # curl_common is the caller's
cx_curl_config() {
  printf 'url = "%s"\n' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"
  printf '%s\n' "$curl_common"
  [ -z "$2" ] || printf '%s\n' "$2"
  [ -z "$3" ] || printf '%s\n' "$3"
  if cx_flag netrc; then printf 'netrc-optional\nnetrc-file = "%s"\n' "$(printf '%s' "${NETRC:-$HOME/.netrc}" | sed 's/[\\"]/\\&/g')"; fi
}

# cx_curl_authority URL: prints URL's host and port (what comes after the
# scheme and before the path).
cx_curl_authority() { printf '%s' "$1" | sed -n 's#^[A-Za-z][A-Za-z0-9+.-]*://\([^/?#]*\).*#\1#p'; }
