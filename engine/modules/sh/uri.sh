# The uri module (engine/modules/uri.ts builds the call and reads the
# response): one HTTP request with curl (cx_curl), its body saved in dest
# when asked. Needs report.sh, flags.sh and curl.sh; with a dest, also
# attributes.sh, self.sh, temp.sh and dirname.sh.
#
# The task's variables, set by cx_uri_task and read by the functions of this
# file: the temp files out (the response body), hdr (its headers),
# err (curl's errors) and body (the request body) while they exist; the
# caller's EXIT trap runs cx_uri_cleanup.
out='' hdr='' err='' body=''

# cx_uri_task URL FLAGS TIMEOUT MAX_CONTENT CREATES REMOVES SRC DEST STATUSES CHOWN_MESSAGE:
# requests URL with the curl config in the caller's curl_common,
# curl_credentials and curl_unredirected (cx_curl) and reports status,
# effective_url, curl_error, headers (of the last response, after
# redirects) and the first MAX_CONTENT bytes of the body as content (with an
# x after them), or unknown_error when use_gssapi got no Kerberos ticket. Reports skipped instead, with Ansible's message, when the
# flag creates is given and CREATES exists, or removes and REMOVES does not.
# FLAGS: words among creates, removes, follow (follow redirects), insecure
# (do not check the certificate), netrc (for cx_curl), body (send what the
# caller's cx_uri_body prints) and dest. TIMEOUT: seconds. SRC: a file on
# the host sent as the body (empty: none). DEST (with the flag dest): where
# the body is saved when the status is one of STATUSES (numbers, one a
# word) and not 304; a directory gets the file the response names.
# CHOWN_MESSAGE: the message when the saved file cannot be given its owner.
cx_uri_task() {
  cx_flags_set "$2"
  cx_flag creates && [ -e "$5" ] && { cx_report64 skipped "skipped, since '$5' exists"; return; }
  cx_flag removes && [ ! -e "$6" ] && { cx_report64 skipped "skipped, since '$6' does not exist"; return; }
  command -v curl >/dev/null 2>&1 || cx_fail "uri needs curl on the host"
  cx_curl_netrc_check
  [ -z "$7" ] || [ -r "$7" ] || cx_fail "Unable to open source file $7"
  cx_flag dest && cx_uri_dest_dir "$8"
  { out=$(umask 077; mktemp "${cx_uri_dir:-${TMPDIR:-/tmp}}/.cxplay.XXXXXX") && hdr=$(mktemp) && err=$(mktemp) && body=$(mktemp); } || cx_fail "cannot create a temporary file"
  cx_flag body && { cx_uri_body > "$body" || cx_fail "cannot write the request body"; }
  cx_uri_data=''; if cx_flag body; then cx_uri_data=$body; else cx_uri_data=$7; fi
  [ -z "$cx_uri_data" ] || curl_common="$curl_common
data-binary = \"@$(printf '%s' "$cx_uri_data" | sed 's/[\\"]/\\&/g')\""
  # An existing dest is asked for only if modified since (Ansible's last_mod_time).
  cx_flag dest && [ -f "$8" ] && curl_common="$curl_common
header = \"$(cx_if_modified_since "$8")\""
  cx_k=''; cx_flag insecure && cx_k=-k
  cx_l=''; cx_flag follow && cx_l=follow
  # shellcheck disable=SC2086 # cx_k is one option or none
  cx_written=$(cx_curl "$1" "$cx_l" '%{http_code} %{url_effective}' -sS $cx_k --max-time "$3" -K - -o "$out" -D "$hdr" 2>"$err")
  [ $? = "$CX_CURL_GSS_FAILED" ] && { cx_report64 unknown_error "$(cat "$err")"; return; }
  cx_report64 curl_error "$(cat "$err")"
  cx_report status "${cx_written%% *}"; cx_report64 effective_url "${cx_written#* }"
  cx_report64 headers "$(awk '/^HTTP\// { block = "" } { block = block $0 "\n" } END { printf "%s", block }' "$hdr" | tr -d '\r')"
  cx_report64 content "$(head -c "$4" "$out"; printf x)"
  case ${cx_written%% *} in 000 | '') ;; *) cx_flag dest && cx_uri_save "$8" "${cx_written%% *}" "${cx_written#* }" "$9" "${10}" ;; esac
}

# cx_uri_dest_dir DEST: sets cx_uri_dir to the directory the saved body
# goes to (DEST, or the one DEST is in), where the response is written first.
# shellcheck disable=SC2154 # cx_parent is cx_dirname's output
cx_uri_dest_dir() {
  if [ -d "$1" ]; then cx_uri_dir=$1; else cx_dirname "$1"; cx_uri_dir=$cx_parent; fi
  [ -d "$cx_uri_dir" ] || cx_fail "Destination $cx_uri_dir does not exist"
}

# cx_uri_save DEST STATUS FINAL_URL STATUSES CHOWN_MESSAGE: as Ansible's
# uri, saves the response (in out) as DEST (in a directory: the name its
# Content-Disposition gives, else the last part of FINAL_URL's path) when
# STATUS is one of STATUSES and not 304, replacing the file only when the
# content differs, and reports path, changed (1 whenever saved) and path's
# attributes when it exists.
cx_uri_save() {
  cx_uri_path=$1
  [ -d "$1" ] && cx_uri_path="${1%/}/$(cx_uri_filename "$3")"
  cx_report64 path "$cx_uri_path"
  case " $4 " in *" $2 "*) [ "$2" != 304 ] && cx_uri_write "$cx_uri_path" "$5" ;; esac
  [ -e "$cx_uri_path" ] && cx_report_attributes "$cx_uri_path"
  :
}

# cx_uri_write PATH CHOWN_MESSAGE: out becomes PATH (with the wanted mode,
# owner and group) unless PATH has its content already.
# shellcheck disable=SC2154 # cx_attr_mode, cx_resolved_uid, cx_resolved_gid: attributes.sh's
cx_uri_write() {
  cx_resolve_ids
  if [ -f "$1" ] && cmp -s -- "$out" "$1"; then
    cx_attributes "$1"
  else
    cx_temp_target "$1" "$cx_uri_dir" "$cx_attr_mode" "$cx_resolved_uid" "$cx_resolved_gid"; cx_temp_finish "$out" "$2"
    mv -f -- "$out" "$1" || cx_fail "failed to copy the response to $1"; out=
  fi
  cx_report changed 1
}

# cx_uri_filename FINAL_URL: prints the name the response gives its file, as
# Ansible's get_response_filename: Content-Disposition's filename, else the
# last part of FINAL_URL's path, %-decoded (index.html when there is none);
# only its last path part, so that it stays in dest.
cx_uri_filename() {
  # The URL goes in the environment, not in awk's arguments: it may hold a user's password.
  LC_ALL=C cx_uri_url=$1 awk '
    /^HTTP\// { name = "" }
    tolower($0) ~ /^content-disposition:/ && match($0, /[Ff][Ii][Ll][Ee][Nn][Aa][Mm][Ee]="[^"]*"|[Ff][Ii][Ll][Ee][Nn][Aa][Mm][Ee]=[^;" \r]*/) {
      name = substr($0, RSTART + 9, RLENGTH - 9); gsub(/"/, "", name)
    }
    END {
      if (name == "") {
        path = ENVIRON["cx_uri_url"]; sub(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\/?#]*/, "", path); sub(/[?#].*/, "", path); sub(/\/+$/, "", path)
        sub(/.*\//, "", path)
        for (i = 0; i < 256; i++) code[sprintf("%02x", i)] = sprintf("%c", i)
        while (match(path, /%[0-9A-Fa-f][0-9A-Fa-f]/)) { name = name substr(path, 1, RSTART - 1) code[tolower(substr(path, RSTART + 1, 2))]; path = substr(path, RSTART + 3) }
        name = name path
      }
      sub(/.*\//, "", name)
      if (name == "" || name == "." || name == "..") name = "index.html"
      printf "%s", name
    }' "$hdr"
}

# cx_uri_mime_type EXTENSION BUILT_IN: prints the type of a multipart file
# part whose name ends in EXTENSION (lower case, with its dot), as Python's
# mimetypes finds it on the host: the last of its mime.types files to name
# the extension, else BUILT_IN (Python's own table); a type without a slash
# gets one after it, as Ansible's uri splits the type at its first slash.
cx_uri_mime_type() {
  cx_uri_type=$2
  for cx_uri_types in /etc/mime.types /etc/httpd/mime.types /etc/httpd/conf/mime.types /etc/apache/mime.types /etc/apache2/mime.types /usr/local/etc/httpd/conf/mime.types /usr/local/lib/netscape/mime.types /usr/local/etc/mime.types; do
    [ -f "$cx_uri_types" ] || continue
    cx_uri_named=$(cx_uri_extension=${1#.} awk '
      { for (i = 1; i <= NF && substr($i, 1, 1) != "#"; i++) if (i > 1 && $i == ENVIRON["cx_uri_extension"]) type = $1 }
      END { printf "%s", type }' "$cx_uri_types")
    [ -z "$cx_uri_named" ] || cx_uri_type=$cx_uri_named
  done
  case $cx_uri_type in */*) printf '%s' "$cx_uri_type" ;; *) printf '%s/' "$cx_uri_type" ;; esac
}

# cx_uri_file_base64 FILE FIELD: prints FILE's bytes in base64, in lines of
# 76 characters each ending in CR LF (a multipart file part, as Ansible's
# uri sends one); fails the task, naming the form field FIELD, when FILE
# cannot be read.
cx_uri_file_base64() {
  { [ -f "$1" ] && [ -r "$1" ]; } || cx_fail "failed to parse body as form-multipart: cannot read $1, the file of the field $2 (remote_src: the file is read on the host)"
  base64 < "$1" | tr -d '\n' | fold -w 76 | awk '{ printf "%s\r\n", $0 }'
}

# cx_uri_cleanup: removes the temp files there are (for the EXIT trap).
cx_uri_cleanup() {
  if [ -n "$out$hdr$err$body" ]; then rm -f -- ${out:+"$out"} ${hdr:+"$hdr"} ${err:+"$err"} ${body:+"$body"}; fi
}
