# command and shell (engine/modules/lib/run-command.ts builds the calls): the
# checks before the command. When the script decides not to run it, it says
# so on a line that starts with a marker made fresh for each run, which no
# command output can forge, followed by `@@cx outcome=...`. No report.sh:
# the command's own output is the script's. A script carries the common part
# and the parts of the checks it makes: `chdir`, `glob` (creates, removes),
# `program`.

# cx_command_marker MARKER: the marker cx_command_stop writes (in cx_marker).
cx_command_marker() { cx_marker=$1; }

# cx_command_stop OUTCOME [PROGRAM]: writes the marker and OUTCOME (and
# PROGRAM) and ends the script.
cx_command_stop() {
  printf '%s\n@@cx outcome=%s\n' "$cx_marker" "$1"
  if [ $# -gt 1 ]; then printf '@@cx program=%s\n' "$2"; fi
  exit 0
}

# part: chdir
# cx_command_chdir DIR: changes to DIR, else stops with chdir_failed.
cx_command_chdir() { cd -- "$1" 2>/dev/null || cx_command_stop chdir_failed; }

# part: glob
# cx_command_creates GLOB: stops with creates when GLOB matches something.
cx_command_creates() { ! cx_exists "$1" || cx_command_stop creates; }

# cx_command_removes GLOB: stops with removes when GLOB matches nothing.
cx_command_removes() { cx_exists "$1" || cx_command_stop removes; }

# cx_exists GLOB: true when GLOB matches something. A glob that matches
# nothing stays as written, so -e on each word tells whether anything matched.
cx_exists() { ( IFS='
'; set +f; for cx_p in $1; do if [ -e "$cx_p" ] || [ -L "$cx_p" ]; then exit 0; fi; done; exit 1 ); }

# part: program
# cx_command_program NAME: stops with missing (and reports the program)
# when the program NAME (a path, or a name looked up in PATH) is not there.
cx_command_program() {
  case $1 in */*) [ -e "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac || cx_command_stop missing "$1"
}
