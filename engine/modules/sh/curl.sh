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
# Flag gssapi (use_gssapi): Kerberos (SPNEGO) instead of the credentials
# above, as cx_curl_gssapi says; curl_gss_user and curl_gss_password (the
# task's url_username and url_password, both given or neither) get a ticket
# for the request.

# cx_curl URL FOLLOW FORMAT CURL_ARGUMENT...: requests URL and prints what
# curl's -w FORMAT says of the last request; follows redirects when FOLLOW
# is not empty. With unredirected headers, follows a redirect with a second
# curl that leaves them out (curl sends its headers to every hop), and the
# credentials too when the redirect leaves URL's host and port (Ansible
# answers a 401 only for the host it was given). Returns curl's status, or
# CX_CURL_GSS_FAILED when the flag gssapi is set and no Kerberos ticket could
# be had (the reason on stderr). CURL_ARGUMENTs hold `-D FILE` (the response
# headers) and FORMAT begins with %{http_code}.
CX_CURL_GSS_FAILED=200
cx_curl() {
  cx_curl_url=$1 cx_curl_follow=$2 cx_curl_format=$3; shift 3
  if cx_flag gssapi; then cx_curl_gssapi "$@"; return; fi
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

# cx_if_modified_since FILE: prints the request header that asks for a
# response only if modified since FILE's mtime, as Ansible's fetch_url
# writes it (RFC 2822, GMT).
cx_if_modified_since() { printf 'If-Modified-Since: %s\n' "$(LC_ALL=C date -u -r "$1" '+%a, %d %b %Y %H:%M:%S GMT')"; }

# cx_curl_authority URL: prints URL's host and port (what comes after the
# scheme and before the path).
cx_curl_authority() { printf '%s' "$1" | sed -n 's#^[A-Za-z][A-Za-z0-9+.-]*://\([^/?#]*\).*#\1#p'; }

# cx_curl_gssapi CURL_ARGUMENT...: cx_curl's request as Ansible's use_gssapi
# makes it (module_utils/urls.py, HTTPGSSAPIAuthHandler): the request goes
# without credentials; a 401 whose WWW-Authenticate asks for Negotiate or
# Kerberos is answered once, with a SPNEGO token curl makes (--negotiate)
# from the Kerberos ticket cache, or from a ticket kinit gets for
# curl_gss_user with curl_gss_password (on kinit's stdin) in a cache of its
# own, removed as soon as the request is done.
cx_curl_gssapi() {
  curl -V 2>/dev/null | grep -q 'GSS-API' || { echo "use_gssapi needs a curl built with GSS-API (SPNEGO) on the host" >&2; return "$CX_CURL_GSS_FAILED"; }
  cx_curl_w=$(cx_curl_config "$cx_curl_url" '' '' | curl ${cx_curl_follow:+-L} "$@" -w "$cx_curl_format")
  cx_curl_rc=$?
  if [ "$cx_curl_rc" != 0 ] || [ "${cx_curl_w%% *}" != 401 ] || ! cx_curl_negotiate_asked "$@"; then printf '%s' "$cx_curl_w"; return "$cx_curl_rc"; fi
  cx_curl_cache=''
  if [ -n "${curl_gss_user-}" ] && [ -n "${curl_gss_password-}" ]; then
    cx_curl_kinit || return "$CX_CURL_GSS_FAILED"
  elif command -v klist >/dev/null 2>&1 && ! klist -s; then
    echo "No credentials were supplied, or the credentials were unavailable or inaccessible: no Kerberos ticket (cache: ${KRB5CCNAME:-the default})" >&2
    return "$CX_CURL_GSS_FAILED"
  fi
  (
    [ -z "$cx_curl_cache" ] || { KRB5CCNAME=FILE:$cx_curl_cache; export KRB5CCNAME; }
    cx_curl_config "$cx_curl_url" "$(printf 'negotiate\nuser = ":"')" '' | curl ${cx_curl_follow:+-L} "$@" -w "$cx_curl_format"
  )
  cx_curl_rc=$?
  [ -z "$cx_curl_cache" ] || rm -f -- "$cx_curl_cache"
  return "$cx_curl_rc"
}

# cx_curl_kinit: a ticket for curl_gss_user into a new cache, named in
# cx_curl_cache; fails with kinit's reason on stderr. cx_curl runs in a
# subshell (its callers read its output): the cache goes when it ends, even
# when the task is interrupted.
cx_curl_kinit() {
  command -v kinit >/dev/null 2>&1 || { echo "use_gssapi with url_username and url_password needs kinit (MIT Kerberos) on the host" >&2; return 1; }
  cx_curl_cache=$(umask 077; mktemp) || { echo "cannot create a temporary file" >&2; return 1; }
  trap 'rm -f -- "$cx_curl_cache"' EXIT
  trap 'exit 143' TERM HUP INT
  cx_curl_reason=$(printf '%s\n' "$curl_gss_password" | KRB5CCNAME=FILE:$cx_curl_cache kinit -- "$curl_gss_user" 2>&1 >/dev/null) && return 0
  rm -f -- "$cx_curl_cache"
  echo "No credentials were supplied, or the credentials were unavailable or inaccessible: $cx_curl_reason" >&2
  return 1
}

# cx_curl_negotiate_asked CURL_ARGUMENT...: true when the last response in
# the headers file of the arguments' `-D FILE` asks for Negotiate or Kerberos.
cx_curl_negotiate_asked() {
  cx_curl_file='' cx_curl_previous=''
  for cx_curl_argument in "$@"; do [ "$cx_curl_previous" = -D ] && cx_curl_file=$cx_curl_argument; cx_curl_previous=$cx_curl_argument; done
  [ -n "$cx_curl_file" ] && awk '/^HTTP\// { asked = 0 } tolower($0) ~ /^www-authenticate:[ \t]*(negotiate|kerberos)/ { asked = 1 } END { exit !asked }' "$cx_curl_file"
}
