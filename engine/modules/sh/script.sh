# script (engine/modules/script.ts builds the call): a local script sent in
# the module script itself (a here-document: never an argument of a
# process), written to a private temp directory, run, and removed. Needs
# command.sh's common part (its marker and cx_command_stop), which says when
# the script was not run. No report.sh: the script's own output is the
# task's.

# cx_script_creates PATH: stops with creates when PATH exists (Ansible's
# script tests the path as written: no glob).
cx_script_creates() { if [ -e "$1" ]; then cx_command_stop creates; fi; }

# cx_script_removes PATH: stops with removes when PATH does not exist.
cx_script_removes() { [ -e "$1" ] || cx_command_stop removes; }

# part: run
# cx_script_dir NAME: makes a private temp directory (removed on exit, also
# when the run is ended) and sets cx_script to NAME in it; the caller's
# cx_script_content writes the script there.
cx_script_dir() {
  cx_script_tmp=$(umask 077; mktemp -d "${TMPDIR:-/tmp}/cxplay-script.XXXXXXXX") || { printf 'cannot create a temporary directory\n' >&2; exit 1; }
  trap 'rm -rf -- "$cx_script_tmp"' EXIT
  trap 'exit 143' TERM HUP INT
  cx_script="$cx_script_tmp/$1"
  cx_script_content > "$cx_script" && chmod 0700 -- "$cx_script" || exit 1
}

# cx_script_run DIR COMMAND: in DIR (empty: here), runs COMMAND, shell text
# in which "$0" is the script, and exits with its status.
cx_script_run() {
  if [ -n "$1" ]; then cd -- "$1" || exit; fi
  /bin/sh -c "$2" "$cx_script" </dev/null
  exit
}
