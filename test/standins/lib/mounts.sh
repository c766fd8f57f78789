# The stand-in mount table shared by mount and umount: the file `mounts` of
# $CXPLAY_STANDIN_STATE, one mounted filesystem a line, `SOURCE TARGET
# FSTYPE OPTIONS` (paths escaped as the kernel escapes them in its tables:
# space \040, tab \011, backslash \134), in the order they were mounted;
# and the same table as the kernel's /proc/self/mountinfo (proc(5)) shows
# it, the file `mountinfo`, which the mount module reads when
# CXPLAY_STANDIN_MOUNTINFO names it. Sourced, not run (after
# system-state.sh).

# shellcheck disable=SC2154 # state is set by system-state.sh
table=$state/mounts
[ -f "$table" ] || : >"$table"

# escaped PATH: PATH as the kernel writes it in its mount tables.
escaped() { printf '%s' "$1" | sed 's/\\/\\134/g; s/ /\\040/g; s/	/\\011/g'; }

# mounted TARGET: TARGET's line; fails when nothing is mounted there.
mounted() { awk -v t="$(escaped "$1" | sed 's/\\/\\\\/g')" '$2 == t { line = $0; found = 1 } END { if (found) print line; exit !found }' "$table"; }

# unmount TARGET: removes TARGET's line (the last mount there).
unmount() { awk -v t="$(escaped "$1" | sed 's/\\/\\\\/g')" '$2 == t { n = NR } { lines[NR] = $0 } END { for (i = 1; i <= NR; i++) if (i != n) print lines[i] }' "$table" >"$table.new" && mv "$table.new" "$table"; }

# write_mountinfo: `mountinfo` from `mounts`: a root filesystem (id 20,
# its parent outside the table, as in a container), then each mount with
# the parent id 1 (outside the table too: its source field is its source)
# or, for a bind mount, under the root with the bound directory as its
# root, as the kernel shows a bind mount of a directory.
write_mountinfo() {
  awk 'BEGIN { print "20 1 0:20 / / rw - ext4 /dev/standin-root rw" }
    { id = 20 + NR; bind = ("," $4 ",") ~ /,bind,/
      if (bind) print id, 20, "0:20", $1, $2, $4, "-", $3, "/dev/standin-root", "rw"
      else print id, 1, "0:" id, "/", $2, $4, "-", $3, $1, $4 }' "$table" >"$state/mountinfo"
}

# list: the table as `mount -l` and `mount -v` print it (util-linux,
# mount(8)): `SOURCE on TARGET type FSTYPE (OPTIONS)`.
list() { awk '{ printf "%s on %s type %s (%s)\n", $1, $2, $3, $4 }' "$table"; }

[ -f "$state/mountinfo" ] || write_mountinfo
