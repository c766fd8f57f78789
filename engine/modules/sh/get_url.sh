# The get_url module (engine/modules/get_url.ts builds the call): download a
# URL on the host (curl, else wget) into a temp file beside dest (or in
# tmp_dest, then copied beside dest), check the
# checksum, and rename it into place only when the content differs. Needs
# report.sh, flags.sh, download.sh, attributes.sh, self.sh, temp.sh and
# dirname.sh; backup.sh with
# a BACKUP number.
#
# The task's variables, set by cx_get_url_task and read by the functions of
# this file: dest, dir (its directory), tmp_dest (where downloads go;
# empty: dir), algorithm (of the checksum; empty: none), want (the wanted
# digest; empty: any), timeout, headers ("Name: value" lines), and tmp, near
# and ck (the download, its copy beside dest and the checksums file while
# they exist; the caller's EXIT trap runs cx_get_url_cleanup).
tmp='' near='' ck=''

# cx_get_url_task DEST NAME URL FLAGS ALGORITHM DIGEST SUMS_URL MODE BACKUP TIMEOUT HEADERS CHOWN_MESSAGE CURL_CONFIG AGENT NEEDS_CURL TMP_DEST CREDENTIALS UNREDIRECTED:
# brings DEST to URL's content and reports dest, bare (a failure without the
# task's fields), changed, attr_changed, not_modified (a 304 answered the
# request made only if modified since DEST's mtime), check_only (check
# mode's prediction after a HEAD request),
# downloaded, src (the download's temp file), status_code, content_length
# or response (of a failed request), checksum_src, checksum_dest, md5sum,
# backup_file and the attributes.
#   NAME: the file name in DEST when DEST is a directory (URL's last part).
#   FLAGS: words among force (download even when DEST exists and the
#     checksum matches), check (change nothing: a HEAD request), insecure (do not check the server's certificate),
#     noproxy and netrc (for cx_download).
#   ALGORITHM: md5, sha1, sha256, ... (empty: no checksum); DIGEST: the
#     wanted digest, or SUMS_URL: a checksums file that lists it for NAME.
#   MODE: the wanted mode (empty: keep DEST's). BACKUP: a random number for
#     the backup's name (empty: no backup). TIMEOUT: seconds per request.
#   CHOWN_MESSAGE: the message when the file cannot be given its owner.
#   CURL_CONFIG, AGENT, NEEDS_CURL: for cx_download.
#   TMP_DEST: the directory the downloads go to (empty: dest's).
#   CREDENTIALS, UNREDIRECTED: curl_credentials and curl_unredirected, for cx_curl.
# shellcheck disable=SC2154,SC2034 # cx_parent, cx_attributes_changed, cx_resolved_uid and cx_resolved_gid: outputs of cx_dirname, cx_attributes and cx_resolve_ids; timeout, headers, curl_config, curl_credentials, curl_unredirected, agent and needs_curl: read by cx_download
cx_get_url_task() {
  cx_flags_set "$4"; dest=$1 algorithm=$5 want=$6 timeout=${10} headers=${11} curl_config=${13} agent=${14} needs_curl=${15} tmp_dest=${16} curl_credentials=${17} curl_unredirected=${18}
  [ -d "$dest" ] && dest="${dest%/}/$2"
  cx_report64 dest "$dest"
  cx_resolve_ids
  cx_dirname "$dest"; dir=$cx_parent
  [ -d "$dir" ] || cx_fail "Destination $dir does not exist"
  [ -n "$7" ] && cx_get_url_sums "$7" "$2"
  # force: no keeps an existing file without a request only when a given checksum says it is right.
  if [ -f "$dest" ] && ! cx_flag force && [ -n "$want" ] && [ "$(cx_sum < "$dest")" = "$want" ]; then
    cx_attributes "$dest"; cx_report changed "$cx_attributes_changed"; cx_report attr_changed "$cx_attributes_changed"; cx_report_attributes "$dest"; exit 0
  fi
  cx_get_url_tmp_dest
  cx_get_url_conditions
  tmp=$(umask 077; mktemp "${tmp_dest:-$dir}/.cxplay.XXXXXX") || cx_fail "cannot create a temporary file in ${tmp_dest:-$dir}"
  # Check mode asks with HEAD, but for a file: URL, which Python's urllib reads whole whatever the method.
  cx_head=''; cx_flag check && case $3 in file:/*) ;; *) cx_head='head' ;; esac
  if ! cx_download "$tmp" "$3" "the download to $dest" "$cx_head"; then
    [ -e "$dest" ] && cx_report_attributes "$dest"
    # shellcheck disable=SC2154 # cx_code is cx_download's output
    [ "$cx_code" = 304 ] && { cx_report not_modified 1; exit 0; }
    cx_fail "Request failed"
  fi
  cx_report downloaded 1; cx_report64 src "$tmp"
  cx_flag check && cx_get_url_predict
  cx_src_sum=$(sha1sum < "$tmp" | cut -c1-40); cx_report checksum_src "$cx_src_sum"
  if [ -n "$want" ] && [ "$(cx_sum < "$tmp")" != "$want" ]; then cx_fail "The checksum for $dest did not match $want; it was $(cx_sum < "$tmp")."; fi
  if [ -f "$dest" ]; then cx_dest_sum=$(sha1sum < "$dest" | cut -c1-40); cx_report checksum_dest "$cx_dest_sum"; else cx_dest_sum=; fi
  if [ "$cx_dest_sum" = "$cx_src_sum" ]; then
    cx_attributes "$dest"; cx_report changed "$cx_attributes_changed"
  else
    cx_get_url_near
    cx_temp_target "$dest" "$dir" "$8" "$cx_resolved_uid" "$cx_resolved_gid"; cx_temp_finish "$tmp" "${12}"
    [ -n "$9" ] && cx_backup "$dest" "$9"
    mv -f -- "$tmp" "$dest" || cx_fail "failed to copy the download to $dest"; tmp=; cx_report changed 1
  fi
  cx_report md5sum "$(md5sum < "$dest" | cut -c1-32)"
  cx_report_attributes "$dest"
}

# cx_get_url_conditions: the request's condition, as Ansible's fetch_url
# sets it: with force, no cached answer (Cache-Control: no-cache); else,
# when dest exists, only if modified since dest's mtime (a 304 leaves it).
cx_get_url_conditions() {
  if cx_flag force; then
    cx_get_url_condition='Cache-Control: no-cache'
  elif [ -f "$dest" ]; then
    cx_get_url_condition=$(cx_if_modified_since "$dest")
  else
    return 0
  fi
  if [ -z "$headers" ]; then headers=$cx_get_url_condition; else headers=$(printf '%s\n%s' "$headers" "$cx_get_url_condition"); fi
}

# cx_get_url_predict: check mode's result after the request, as Ansible's:
# the body of a HEAD is empty, so its checksum is the empty file's, and the
# task would change dest unless dest is empty too (a file: URL's content is
# compared as it is).
cx_get_url_predict() {
  if [ -n "$cx_head" ]; then cx_get_url_src_sum=$(printf '' | sha1sum | cut -c1-40); else cx_get_url_src_sum=$(sha1sum < "$tmp" | cut -c1-40); fi
  cx_report checksum_src "$cx_get_url_src_sum"
  cx_get_url_same=''
  if [ -f "$dest" ]; then cx_dest_sum=$(sha1sum < "$dest" | cut -c1-40); cx_report checksum_dest "$cx_dest_sum"; [ "$cx_dest_sum" = "$cx_get_url_src_sum" ] && cx_get_url_same=1; fi
  [ -n "$cx_get_url_same" ] || cx_report changed 1
  [ -f "$dest" ] && cx_report_attributes "$dest"
  cx_report check_only 1
  exit 0
}

# cx_get_url_tmp_dest: fails as Ansible when tmp_dest is given and is not a
# directory (reporting bare: Ansible's result has only the message).
cx_get_url_tmp_dest() {
  [ -z "$tmp_dest" ] || [ -d "$tmp_dest" ] && return
  cx_report bare 1
  if [ -e "$tmp_dest" ]; then cx_fail "$tmp_dest is a file but should be a directory."; else cx_fail "$tmp_dest directory does not exist."; fi
}

# cx_get_url_near: a download in tmp_dest is copied beside dest first, so
# that the rename into place stays atomic (tmp is then that copy).
cx_get_url_near() {
  [ -z "$tmp_dest" ] && return
  near=$(umask 077; mktemp "$dir/.cxplay.XXXXXX") || cx_fail "cannot create a temporary file in $dir"
  cat -- "$tmp" > "$near" || cx_fail "could not write the download to $dest (disk full or read-only?); the original is unchanged"
  rm -f -- "$tmp"; tmp=$near near=
}

# cx_sum: prints the digest of its stdin with the task's algorithm.
cx_sum() { "${algorithm}sum" | cut -d' ' -f1; }

# cx_get_url_sums SUMS_URL NAME: sets want to NAME's digest in the
# checksums file at SUMS_URL: one bare digest, or lines "<digest>  <name>"
# (name may start with * or ./).
cx_get_url_sums() {
  cx_get_url_tmp_dest
  ck=$(if [ -n "$tmp_dest" ]; then mktemp "$tmp_dest/.cxplay.XXXXXX"; else mktemp; fi) || cx_fail "cannot create a temporary file"
  cx_download "$ck" "$1" "the checksums file" || cx_fail "Request failed"
  want=$(awk -v f="$2" 'NR == 1 && NF == 1 { print $1; exit } { n = $0; sub(/^[^ ]* /, "", n); sub(/^[ *]/, "", n); sub(/^[.\/]+/, "", n); if (n == f) { print $1; exit } }' "$ck" | tr 'A-F' 'a-f')
  [ -n "$want" ] || cx_fail "Unable to find a checksum for file '$2' in '$1'"
}

# cx_get_url_cleanup: removes the download and the checksums file, and the
# files curl and wget wrote beside them (for the caller's EXIT trap).
cx_get_url_cleanup() {
  if [ -n "$tmp" ]; then rm -f -- "$tmp" "$tmp.hdr" "$tmp.err"; fi
  if [ -n "$near" ]; then rm -f -- "$near"; fi
  if [ -n "$ck" ]; then rm -f -- "$ck" "$ck.hdr" "$ck.err"; fi
}
