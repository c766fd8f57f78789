# Background jobs for `async:` tasks, as Ansible's async wrapper keeps them:
# files under $HOME/.ansible_async (made 0700) named after the job id JID:
# JID.sh (the task's script), JID.out and JID.err (its output), JID.pid (the
# job's process group) and JID.rc (its exit status, written last: its
# presence means the job has finished). Needs nothing else.

# part: start
# cx_async_start JID: saves the script on stdin as JID.sh and starts it in a
# session of its own (it outlives this exec and any timeout of it). Prints
# the results file's path.
cx_async_start() {
  umask 077
  cx_async_dir=${HOME:-/root}/.ansible_async
  mkdir -p "$cx_async_dir" || exit 1
  cat > "$cx_async_dir/$1.sh" || exit 1
  # shellcheck disable=SC2016 # the inner sh expands $1 (the job's path), not this one
  setsid sh -c 'sh "$1.sh" > "$1.out" 2> "$1.err" < /dev/null; echo "$?" > "$1.rc.tmp"; mv "$1.rc.tmp" "$1.rc"' cx-async "$cx_async_dir/$1" < /dev/null > /dev/null 2>&1 &
  echo "$!" > "$cx_async_dir/$1.pid"
  printf '%s\n' "$cx_async_dir/$1"
}

# part: status
# cx_async_status JID CLEANUP: a finished job's stdout, stderr and exit
# status as this exec's own (its files removed when CLEANUP is 1); else one
# line "@@cx-async running JID FILE" (or "@@cx-async missing JID FILE": no
# such job), FILE being the job's results file.
cx_async_status() {
  cx_async_file=${HOME:-/root}/.ansible_async/$1
  if [ ! -f "$cx_async_file.rc" ]; then
    if [ -f "$cx_async_file.pid" ]; then echo "@@cx-async running $1 $cx_async_file"; else echo "@@cx-async missing $1 $cx_async_file"; fi
    exit 0
  fi
  cat "$cx_async_file.out"
  cat "$cx_async_file.err" >&2
  cx_async_rc=$(cat "$cx_async_file.rc")
  [ "$2" = 1 ] && rm -f "$cx_async_file.sh" "$cx_async_file.out" "$cx_async_file.err" "$cx_async_file.pid" "$cx_async_file.rc"
  exit "$cx_async_rc"
}

# part: end
# cx_async_end JID KILL: removes a job's files; with KILL 1 first ends the
# job if it still runs (its whole process group).
cx_async_end() {
  cx_async_file=${HOME:-/root}/.ansible_async/$1
  if [ "$2" = 1 ] && [ -f "$cx_async_file.pid" ] && [ ! -f "$cx_async_file.rc" ]; then kill -s TERM -- "-$(cat "$cx_async_file.pid")" 2> /dev/null; fi
  rm -f "$cx_async_file.sh" "$cx_async_file.out" "$cx_async_file.err" "$cx_async_file.pid" "$cx_async_file.rc" "$cx_async_file.rc.tmp"
}
