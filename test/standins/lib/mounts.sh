# The stand-in mount table shared by mount, umount and findmnt: the file
# `mounts` of $CXPLAY_STANDIN_STATE, one mounted filesystem a line, `SOURCE
# TARGET FSTYPE OPTIONS` (fields without spaces), in the order they were
# mounted. Sourced, not run (after system-state.sh).

# shellcheck disable=SC2154 # state is set by system-state.sh
table=$state/mounts
[ -f "$table" ] || : >"$table"

# mounted TARGET: TARGET's line; fails when nothing is mounted there.
mounted() { awk -v t="$1" '$2 == t { line = $0; found = 1 } END { if (found) print line; exit !found }' "$table"; }

# unmount TARGET: removes TARGET's line (the last mount there).
unmount() { awk -v t="$1" '$2 == t { n = NR } { lines[NR] = $0 } END { for (i = 1; i <= NR; i++) if (i != n) print lines[i] }' "$table" >"$table.new" && mv "$table.new" "$table"; }
