# The wait_for module (engine/modules/wait_for.ts builds the call): poll until
# a path exists (or holds a pattern, or is gone) or a TCP port opens (or
# closes). The timeout counts from before the delay, as Ansible's does. Needs
# report.sh; a script carries the common part and the part of what it
# watches: `port`, or `path` (which needs attributes.sh) and, with a
# pattern, `search`.

# cx_wait_for TIMEOUT DELAY SLEEP STOP PROBE...: waits DELAY seconds, then
# runs the command PROBE... every SLEEP seconds until it succeeds (STOP
# false) or fails (STOP true); true then. When TIMEOUT seconds have passed
# since the start, reports timeout and is false.
cx_wait_for() {
  cx_end=$(( $(date +%s) + $1 ))
  sleep "$2"
  cx_sleep=$3 cx_stop=$4; shift 4
  while [ "$(date +%s)" -lt "$cx_end" ]; do
    if "$@"; then ! $cx_stop; else $cx_stop; fi && return 0
    sleep "$cx_sleep"
  done
  cx_report timeout 1
  return 1
}

# cx_wait_sleep DELAY TIMEOUT: nothing to watch: sleeps for both, as Ansible does.
cx_wait_sleep() { sleep "$1"; sleep "$2"; }

# part: port
# cx_wait_port HOST PORT CONNECT_TIMEOUT: true when a TCP connection to
# HOST:PORT opens within CONNECT_TIMEOUT seconds: with bash's /dev/tcp where
# the host has bash, else with nc -z; a host with neither fails the task
# when this part is read, before any wait.
if command -v bash >/dev/null 2>&1; then
  # shellcheck disable=SC2016 # the probe's $0 and $1 are bash's, not this shell's
  cx_wait_port() { timeout "$3" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }
elif command -v nc >/dev/null 2>&1; then
  cx_wait_port() { nc -z -w "$3" "$1" "$2" 2>/dev/null; }
else
  cx_fail "wait_for needs bash or nc on the host to probe ports"
fi

# part: path
# cx_wait_path PATH: true when PATH exists (a dangling symlink too).
cx_wait_path() { [ -e "$1" ] || [ -L "$1" ]; }

# cx_wait_path_report PATH: reports PATH's attributes when it exists.
cx_wait_path_report() { if [ -e "$1" ]; then cx_report_attributes "$1"; fi; }

# part: search
# cx_wait_search PATTERN PATH: true when the file PATH holds a match of
# PATTERN: with grep -P (Python-like), or grep -E where grep has no -P
# (tried once, when this part is read).
if echo | grep -Pq '' 2>/dev/null; then cx_grep_kind=-Pq; else cx_grep_kind=-Eq; fi
cx_wait_search() { [ -f "$2" ] && grep "$cx_grep_kind" -- "$1" "$2" 2>/dev/null; }

# cx_wait_content PATH MAX: reports the first MAX bytes of PATH as content.
cx_wait_content() { cx_report64 content "$(head -c "$2" -- "$1")"; }
