# The runner of the long-lived shell a connection keeps
# (engine/connection/shell-session.ts sends it once, then one cx_run line
# per script).

# cx_run SCRIPT TOKEN: runs SCRIPT in a subshell (it keeps nothing for the
# next script) with an empty stdin, then writes the end markers with TOKEN:
# a line `@@cxend_TOKEN RC` on stdout (RC: SCRIPT's exit code) and a line
# `@@cxend_TOKEN` on stderr, each after a newline.
cx_run() { ( eval "$1" ) </dev/null; printf '\n@@cxend_%s %s\n' "$2" "$?"; printf '\n@@cxend_%s\n' "$2" >&2; }
