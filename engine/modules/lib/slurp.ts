/**
 * `cx_slurp PATH` sets cx_c to PATH's bytes with the shell's read builtin: no
 * process. The shell drops NUL bytes, so a caller that needs the exact bytes
 * compares ${#cx_c} with the size stat gave (dash counts bytes).
 */
export const SLURP_FUNCTION = `cx_slurp() { cx_c=; cx_nl='\n'; while IFS= read -r cx_l; do cx_c="$cx_c$cx_l$cx_nl"; done 2>/dev/null < "$1" || return 1; cx_c="$cx_c$cx_l"; }\n`;

/** Up to this size reading a file by the shell costs less than one process (sha1sum, cat); it reads a byte per call. */
export const SLURP_MAX_BYTES = 2048;
