# command and shell (engine/modules/lib/run-command.ts builds the call): what
# comes before the command. When the script decides not to run it, it says so
# on a line that starts with a marker made fresh for each run, which no
# command output can forge, followed by `@@cx outcome=...`. No report.sh: the
# command's own output is the script's.

# cx_command_prepare MARKER [chdir DIR] [creates GLOB] [removes GLOB] [program NAME] [check]:
# changes to DIR (else stops with outcome chdir_failed), stops with outcome
# creates when GLOB matches something, removes when it matches nothing,
# missing (and reports program) when the program NAME is not found, and
# check, in that order of the words given.
cx_command_prepare() {
  cx_marker=$1; shift
  while [ $# -gt 0 ]; do
    case $1 in
      chdir) cd -- "$2" 2>/dev/null || cx_command_stop chdir_failed ;;
      creates) cx_exists "$2" && cx_command_stop creates ;;
      removes) cx_exists "$2" || cx_command_stop removes ;;
      program) case $2 in */*) [ -e "$2" ] ;; *) command -v "$2" >/dev/null 2>&1 ;; esac || cx_command_stop missing "$2" ;;
      check) cx_command_stop check ;;
    esac
    shift 2
  done
}

# cx_command_stop OUTCOME [PROGRAM]: writes the marker and OUTCOME (and
# PROGRAM) and ends the script.
cx_command_stop() {
  printf '%s\n@@cx outcome=%s\n' "$cx_marker" "$1"
  if [ $# -gt 1 ]; then printf '@@cx program=%s\n' "$2"; fi
  exit 0
}

# cx_exists GLOB: true when GLOB matches something. A glob that matches
# nothing stays as written, so -e on each word tells whether anything matched.
cx_exists() { ( IFS='
'; set +f; for cx_p in $1; do if [ -e "$cx_p" ] || [ -L "$cx_p" ]; then exit 0; fi; done; exit 1 ); }
