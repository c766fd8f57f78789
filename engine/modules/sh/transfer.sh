# A host's file sent back to the controller, as slurp and fetch do
# (engine/modules/slurp.ts, fetch.ts build the calls). Needs report.sh. A
# script carries the common part and its module's part: `slurp` or `fetch`.

# cx_report_base64 KEY PATH: writes the reports gathered so far, then
# PATH's bytes as KEY, base64-encoded (written as it is encoded: no variable
# holds the file).
cx_report_base64() {
  cx_flush
  printf '@@cx %s=' "$1"; base64 < "$2" | tr -d '\n'; printf '\n'
}

# part: slurp
# cx_slurp_task PATH: reports PATH's bytes as content; fails with Ansible's
# messages when PATH is a directory, missing or unreadable.
cx_slurp_task() {
  [ -d "$1" ] && cx_fail "source is a directory and must be a file"
  [ -e "$1" ] || cx_fail "file not found: $1"
  [ -r "$1" ] || cx_fail "file is not readable: $1"
  cx_report_base64 content "$1"
}

# part: fetch
# cx_fetch_task PATH LOCAL_SUM: reports missing (directory, absent or
# unreadable) when PATH cannot be fetched; else checksum (PATH's sha1) and,
# when it is not LOCAL_SUM (the controller's copy), PATH's bytes as content.
cx_fetch_task() {
  if [ -d "$1" ]; then cx_report missing directory; return; fi
  if [ ! -e "$1" ]; then cx_report missing absent; return; fi
  if [ ! -r "$1" ]; then cx_report missing unreadable; return; fi
  cx_sum=$(sha1sum < "$1" | cut -c1-40) || { cx_report missing unreadable; return; }
  cx_report checksum "$cx_sum"
  [ "$cx_sum" = "$2" ] || cx_report_base64 content "$1"
}
