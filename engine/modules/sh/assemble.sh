# The assemble module's reading part (engine/modules/assemble.ts joins the
# fragments and writes the file with lib/write-file.ts). Needs report.sh.

# cx_assemble_read SRC: fails with Ansible's message when SRC is missing or
# not a directory; else writes, for each regular file in SRC (links
# followed), its name and its bytes in base64, each ended by a NUL byte.
cx_assemble_read() {
  [ -e "$1" ] || cx_fail "Source ($1) does not exist"
  [ -d "$1" ] || cx_fail "Source ($1) is not a directory"
  cx_flush
  for cx_fragment in "$1"/* "$1"/.*; do
    [ -f "$cx_fragment" ] || continue
    printf '%s\0' "${cx_fragment##*/}"
    base64 -w0 < "$cx_fragment" || exit 1
    printf '\0'
  done
}
