# cx_slurp PATH: sets cx_c (and nothing else the caller reads) to PATH's
# bytes with the shell's read builtin: no process. Returns 1 when PATH
# cannot be read. The shell drops NUL bytes, so a caller that needs the
# exact bytes compares ${#cx_c} with the size stat gave (dash counts bytes).
cx_slurp() {
  cx_c=
  cx_slurp_nl='
'
  while IFS= read -r cx_slurp_line; do cx_c="$cx_c$cx_slurp_line$cx_slurp_nl"; done 2>/dev/null < "$1" || return 1
  cx_c="$cx_c$cx_slurp_line"
}
