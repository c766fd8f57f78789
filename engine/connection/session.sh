# The runner of the long-lived shell a connection keeps
# (engine/connection/shell-session.ts sends it once, then one cx_run or
# cx_run_parts line per script).

# cx_end TOKEN RC: the end markers: a line `@@cxend_TOKEN RC` on stdout and a
# line `@@cxend_TOKEN` on stderr, each after a newline.
cx_end() { printf '\n@@cxend_%s %s\n' "$1" "$2"; printf '\n@@cxend_%s\n' "$1" >&2; }

# cx_run SCRIPT TOKEN: runs SCRIPT in a subshell (it keeps nothing for the
# next script) with an empty stdin, then writes the end markers with TOKEN
# and SCRIPT's exit code.
cx_run() { ( eval "$1" ) </dev/null; cx_end "$2" "$?"; }

# cx_run_parts SCRIPT TOKEN: the same for a SCRIPT that runs each of its
# parts in a subshell of its own and changes nothing in this shell (a batch
# of checks, engine/run/exec-batch.ts): one fork fewer.
cx_run_parts() { { eval "$1"; } </dev/null; cx_end "$2" "$?"; }
