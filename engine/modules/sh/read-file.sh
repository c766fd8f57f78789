# A file's bytes for the modules that edit text on the controller
# (engine/modules/lib/read-file.ts builds the call). Needs report.sh, and
# slurp.sh with ATTRIBUTES true.

# cx_read_file PATH ATTRIBUTES SLURP_MAX MARKER: reports directory (PATH is
# one) or exists (0 or 1) and, with ATTRIBUTES true, attributes ("MODE UID
# GID OWNER GROUP SIZE", links followed); then writes a line MARKER followed
# by PATH's bytes, unchanged, to the end of the output. A file whose size
# the attributes gave, up to SLURP_MAX bytes, is read by the shell itself;
# any other becomes the script's `cat` (one process). Fails when PATH
# cannot be read.
# shellcheck disable=SC2154 # cx_c is cx_slurp's output
cx_read_file() {
  if [ -d "$1" ]; then cx_report directory 1; exit 0; fi
  if [ ! -e "$1" ]; then cx_report exists 0; exit 0; fi
  [ -r "$1" ] || cx_fail "Permission denied: $1"
  if [ "$2" = true ]; then
    cx_a=$(stat -L -c '%a %u %g %U %G %s' -- "$1"); cx_report attributes "$cx_a"
    cx_report exists 1
    # All the bytes came through when the length matches (the shell drops NUL bytes).
    [ "${cx_a##* }" -le "$3" ] 2>/dev/null && cx_slurp "$1" && [ "${#cx_c}" = "${cx_a##* }" ] && { cx_flush; printf '%s\n%s' "$4" "$cx_c"; exit 0; }
  else
    cx_report exists 1
  fi
  cx_flush; printf '%s\n' "$4"; exec cat -- "$1"
}
