# The get_url module (engine/modules/get_url.ts builds the call): download a
# URL on the host (curl, else wget) into a temp file beside dest, check the
# checksum, and rename it into place only when the content differs. Needs
# report.sh, flags.sh, attributes.sh, self.sh, temp.sh and dirname.sh; backup.sh with
# a BACKUP number.
#
# The task's variables, set by cx_get_url_task and read by the functions of
# this file: dest, dir (its directory), algorithm (of the checksum;
# empty: none), want (the wanted digest; empty: any), timeout, headers
# ("Name: value" lines), and tmp and ck (the download and the checksums
# file while they exist; the caller's EXIT trap runs cx_get_url_cleanup).
tmp='' ck=''

# cx_get_url_task DEST NAME URL FLAGS ALGORITHM DIGEST SUMS_URL MODE BACKUP TIMEOUT HEADERS CHOWN_MESSAGE:
# brings DEST to URL's content and reports dest, changed, attr_changed,
# downloaded, status_code or response (of a failed request), checksum_src,
# checksum_dest, md5sum, backup_file and the attributes.
#   NAME: the file name in DEST when DEST is a directory (URL's last part).
#   FLAGS: words among force (download even when DEST exists), check
#     (change nothing) and insecure (do not check the server's certificate).
#   ALGORITHM: md5, sha1, sha256, ... (empty: no checksum); DIGEST: the
#     wanted digest, or SUMS_URL: a checksums file that lists it for NAME.
#   MODE: the wanted mode (empty: keep DEST's). BACKUP: a random number for
#     the backup's name (empty: no backup). TIMEOUT: seconds per request.
#   CHOWN_MESSAGE: the message when the file cannot be given its owner.
# shellcheck disable=SC2154 # cx_parent, cx_attributes_changed, cx_resolved_uid and cx_resolved_gid: outputs of cx_dirname, cx_attributes and cx_resolve_ids
cx_get_url_task() {
  cx_flags_set "$4"; dest=$1 algorithm=$5 want=$6 timeout=${10} headers=${11}
  [ -d "$dest" ] && dest="${dest%/}/$2"
  cx_report64 dest "$dest"
  cx_resolve_ids
  cx_dirname "$dest"; dir=$cx_parent
  [ -d "$dir" ] || cx_fail "Destination $dir does not exist"
  [ -n "$7" ] && cx_get_url_sums "$7" "$2"
  # force: no keeps an existing file unless a given checksum says it is wrong.
  if [ -f "$dest" ] && ! cx_flag force && { [ -z "$want" ] || [ "$(cx_sum < "$dest")" = "$want" ]; }; then
    cx_attributes "$dest"; cx_report changed "$cx_attributes_changed"; cx_report attr_changed "$cx_attributes_changed"; cx_report_attributes "$dest"; exit 0
  fi
  cx_flag check && { cx_report changed 1; exit 0; }
  tmp=$(umask 077; mktemp "$dir/.cxplay.XXXXXX") || cx_fail "cannot create a temporary file in $dir"
  cx_download "$tmp" "$3" "the download to $dest"
  cx_report downloaded 1
  cx_src_sum=$(sha1sum < "$tmp" | cut -c1-40); cx_report checksum_src "$cx_src_sum"
  if [ -n "$want" ] && [ "$(cx_sum < "$tmp")" != "$want" ]; then cx_fail "The checksum for $dest did not match $want; it was $(cx_sum < "$tmp")."; fi
  if [ -f "$dest" ]; then cx_dest_sum=$(sha1sum < "$dest" | cut -c1-40); cx_report checksum_dest "$cx_dest_sum"; else cx_dest_sum=; fi
  if [ "$cx_dest_sum" = "$cx_src_sum" ]; then
    cx_attributes "$dest"; cx_report changed "$cx_attributes_changed"
  else
    cx_temp_target "$dest" "$dir" "$8" "$cx_resolved_uid" "$cx_resolved_gid"; cx_temp_finish "$tmp" "${12}"
    [ -n "$9" ] && cx_backup "$dest" "$9"
    mv -f -- "$tmp" "$dest" || cx_fail "failed to copy the download to $dest"; tmp=; cx_report changed 1
  fi
  cx_report md5sum "$(md5sum < "$dest" | cut -c1-32)"
  cx_report_attributes "$dest"
}

# cx_sum: prints the digest of its stdin with the task's algorithm.
cx_sum() { "${algorithm}sum" | cut -d' ' -f1; }

# cx_get_url_sums SUMS_URL NAME: sets want to NAME's digest in the
# checksums file at SUMS_URL: one bare digest, or lines "<digest>  <name>"
# (name may start with * or ./).
cx_get_url_sums() {
  ck=$(mktemp) || cx_fail "cannot create a temporary file"
  cx_download "$ck" "$1" "the checksums file"
  want=$(awk -v f="$2" 'NR == 1 && NF == 1 { print $1; exit } { n = $0; sub(/^[^ ]* /, "", n); sub(/^[ *]/, "", n); sub(/^[.\/]+/, "", n); if (n == f) { print $1; exit } }' "$ck" | tr 'A-F' 'a-f')
  [ -n "$want" ] || cx_fail "Unable to find a checksum for file '$2' in '$1'"
}

# cx_download FILE URL WHAT: fetches URL into FILE following redirects, with
# the task's timeout, headers and flag insecure; fails the task with
# Ansible's "Request failed" (and reports status_code and response) when it
# cannot, or saying WHAT could not be written when the disk is full. curl
# reads the URL and headers from its stdin (-K -: with printf, a builtin,
# nothing shows in ps); wget (the fallback) takes the headers as arguments.
cx_download() {
  cx_via_curl='' cx_k=''
  if command -v curl >/dev/null 2>&1; then
    cx_via_curl=1
    cx_flag insecure && cx_k=-k
    # A curl config line: `key = "value"` with \ and " escaped.
    # shellcheck disable=SC2086 # cx_k is one option or none
    cx_code=$( { printf 'url = %s\n' "$2"; [ -z "$headers" ] || printf '%s\n' "$headers" | sed 's/^/header = /'; } |
      sed 's/[\\"]/\\&/g; s/ = \(.*\)$/ = "\1"/' | curl -sS -L $cx_k --max-time "$timeout" -K - -o "$1" -D "$1.hdr" -w '%{http_code}' 2>"$1.err")
    cx_rc=$?; cx_status=$(grep -E "^HTTP/" "$1.hdr" 2>/dev/null | tail -n 1 | tr -d "\r")
  elif command -v wget >/dev/null 2>&1; then
    cx_flag insecure && cx_k=--no-check-certificate
    cx_wget "$1" "$2"
    cx_rc=$?; cx_status=$(grep -E "^ *HTTP/" "$1.err" | tail -n 1 | sed "s/^ *//" | tr -d "\r"); cx_code=$(printf "%s" "$cx_status" | cut -d" " -f2)
  else cx_fail "get_url needs curl or wget on the host"; fi
  if [ -n "$cx_code" ] && [ "$cx_code" != 000 ]; then cx_report status_code "$cx_code"; fi
  cx_err=$(cat "$1.err" 2>/dev/null); rm -f -- "$1.hdr" "$1.err"
  case "$cx_code" in 2??) [ "$cx_rc" = 0 ] && return 0;; esac
  # curl 23, wget 3: the file could not be written (a full disk), whatever the server said.
  if [ "$cx_rc" = 23 ] || { [ "$cx_rc" = 3 ] && [ -z "$cx_via_curl" ]; }; then cx_fail "could not write $3 (disk full or read-only?): $cx_err; the original is unchanged"; fi
  if [ -n "$cx_status" ]; then cx_report64 response "HTTP Error $(printf "%s" "$cx_status" | cut -d" " -f2): $(printf "%s" "$cx_status" | cut -d" " -f3-)"; else cx_report64 response "$cx_err"; fi
  cx_fail "Request failed"
}

# cx_wget FILE URL: wget's download of URL into FILE, with a --header
# argument for each of the task's headers and cx_k's option (in a subshell:
# it sets the positional parameters).
cx_wget() {
  (
    cx_file=$1 cx_url=$2; set --
    while IFS= read -r cx_h; do [ -n "$cx_h" ] && set -- "$@" "--header=$cx_h"; done <<EOF
$headers
EOF
    # shellcheck disable=SC2086 # cx_k is one option or none
    printf '%s\n' "$cx_url" | wget -S $cx_k -T "$timeout" "$@" -O "$cx_file" -i - 2>"$cx_file.err"
  )
}

# cx_get_url_cleanup: removes the download and the checksums file, and the
# files curl and wget wrote beside them (for the caller's EXIT trap).
cx_get_url_cleanup() {
  if [ -n "$tmp" ]; then rm -f -- "$tmp" "$tmp.hdr" "$tmp.err"; fi
  if [ -n "$ck" ]; then rm -f -- "$ck" "$ck.hdr" "$ck.err"; fi
}
