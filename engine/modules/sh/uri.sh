# The uri module (engine/modules/uri.ts builds the call and reads the
# response): one HTTP request with curl. Needs report.sh and flags.sh.
#
# The task's variables, set by cx_uri_task and read by the functions of this
# file: the temp files out (the response body), hdr (its headers),
# err (curl's errors) and body (the request body) while they exist; the
# caller's EXIT trap runs cx_uri_cleanup.
out='' hdr='' err='' body=''

# cx_uri_task URL CONFIG FLAGS TIMEOUT MAX_CONTENT CREATES REMOVES:
# requests URL with the curl config lines CONFIG (method, headers,
# credentials: on curl's stdin, with printf, a builtin, so they never show in
# ps) and reports status, effective_url, curl_error, headers (of the last
# response, after redirects) and the first MAX_CONTENT bytes of the body as
# content (with an x after them). Reports skipped instead, with Ansible's
# message, when the flag creates is given and CREATES exists, or removes and
# REMOVES does not. FLAGS: words among creates, removes, follow (follow
# redirects), insecure (do not check the certificate) and body (send what
# the caller's cx_uri_body prints). TIMEOUT: seconds.
cx_uri_task() {
  cx_flags_set "$3"
  cx_flag creates && [ -e "$6" ] && { cx_report64 skipped "skipped, since '$6' exists"; return; }
  cx_flag removes && [ ! -e "$7" ] && { cx_report64 skipped "skipped, since '$7' does not exist"; return; }
  command -v curl >/dev/null 2>&1 || cx_fail "uri needs curl on the host"
  { out=$(mktemp) && hdr=$(mktemp) && err=$(mktemp) && body=$(mktemp); } || cx_fail "cannot create a temporary file"
  cx_flag body && { cx_uri_body > "$body" || cx_fail "cannot write the request body"; }
  cx_k=''; cx_flag insecure && cx_k=-k
  cx_l=''; cx_flag follow && cx_l=-L
  # shellcheck disable=SC2086 # cx_l and cx_k are one option or none
  cx_written=$( { printf 'url = "%s"\n' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"; printf '%s\n' "$2"; if cx_flag body; then printf 'data-binary = "@%s"\n' "$body"; fi; } |
    curl -sS $cx_l $cx_k --max-time "$4" -K - -o "$out" -D "$hdr" -w '%{http_code} %{url_effective}' 2>"$err")
  cx_report64 curl_error "$(cat "$err")"
  cx_report status "${cx_written%% *}"; cx_report64 effective_url "${cx_written#* }"
  cx_report64 headers "$(awk '/^HTTP\// { block = "" } { block = block $0 "\n" } END { printf "%s", block }' "$hdr" | tr -d '\r')"
  cx_report64 content "$(head -c "$5" "$out"; printf x)"
}

# cx_uri_cleanup: removes the temp files there are (for the EXIT trap).
cx_uri_cleanup() {
  if [ -n "$out$hdr$err$body" ]; then rm -f -- ${out:+"$out"} ${hdr:+"$hdr"} ${err:+"$err"} ${body:+"$body"}; fi
}
