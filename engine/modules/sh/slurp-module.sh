# The slurp module (engine/modules/slurp.ts builds the call). Needs report.sh.

# cx_slurp_task PATH: reports PATH's bytes as content, base64-encoded (the
# report line is written as it is encoded: no variable holds the file);
# fails with Ansible's messages when PATH is a directory, missing or
# unreadable.
cx_slurp_task() {
  [ -d "$1" ] && cx_fail "source is a directory and must be a file"
  [ -e "$1" ] || cx_fail "file not found: $1"
  [ -r "$1" ] || cx_fail "file is not readable: $1"
  cx_flush
  printf '@@cx content='; base64 < "$1" | tr -d '\n'; printf '\n'
}
