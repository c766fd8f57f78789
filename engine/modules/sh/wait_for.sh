# The wait_for module (engine/modules/wait_for.ts builds the call): poll until
# a path exists (or holds a pattern, or is gone), a TCP port opens (or
# closes) or its connections drain. The timeout counts from before the
# delay, as Ansible's does. Needs report.sh; a script carries the common
# part and the part of what it watches: `port`, `drained`, or `path` (which
# needs attributes.sh) and, with a pattern, `search`.

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

# part: port-search
# cx_wait_port_search HOST PORT CONNECT_TIMEOUT PATTERN: true when a TCP
# connection to HOST:PORT opens within CONNECT_TIMEOUT seconds and what the
# server sends on it, before it closes the connection or the wait ends
# (cx_end), holds a match of PATTERN, as Ansible's module reads and searches
# the bytes it received so far (re.MULTILINE, bytes: grep -P over the whole
# of them in the C locale with (?m); grep -E line by line where grep has no
# -P). Needs bash (its /dev/tcp); a host without it fails the task when this
# part is read. The bytes go to a temp file, removed when the probe ends.
command -v bash >/dev/null 2>&1 || cx_fail "wait_for with search_regex on a port needs bash on the host"
if echo | grep -Pq '' 2>/dev/null; then cx_port_grep='-zPq' cx_port_flags='(?m)'; else cx_port_grep='-Eq' cx_port_flags=''; fi
cx_wait_port_search() {
  cx_left=$(( cx_end - $(date +%s) ))
  [ "$cx_left" -gt 0 ] || return 1
  cx_received=$(mktemp) || cx_fail "wait_for: cannot make a temp file for what the port sends"
  # bash connects (given up after CONNECT_TIMEOUT by a watchdog), then becomes cat on the connection.
  # shellcheck disable=SC2016 # $0, $1, $2 and $$ are bash's, not this shell's
  timeout "$cx_left" bash -c '( sleep "$2"; kill "$$" ) 2>/dev/null & w=$!
    exec 3<>"/dev/tcp/$0/$1" || { kill "$w"; exit 1; }
    kill "$w"; exec cat <&3' "$1" "$2" "$3" >"$cx_received" 2>/dev/null &
  cx_reader=$!
  cx_found=1
  while :; do
    kill -0 "$cx_reader" 2>/dev/null; cx_reading=$?
    if LC_ALL=C grep "$cx_port_grep" -- "$cx_port_flags$4" "$cx_received" 2>/dev/null; then cx_found=0; break; fi
    [ "$cx_reading" -eq 0 ] || break
    sleep 0.2 2>/dev/null || sleep 1
  done
  kill "$cx_reader" 2>/dev/null
  wait "$cx_reader" 2>/dev/null
  rm -f -- "$cx_received"
  return "$cx_found"
}

# part: path
# cx_wait_path PATH: true when PATH exists (a dangling symlink too).
cx_wait_path() { [ -e "$1" ] || [ -L "$1" ]; }

# cx_wait_path_report PATH: reports PATH's attributes when it exists.
cx_wait_path_report() { if [ -e "$1" ]; then cx_report_attributes "$1"; cx_report_path_state "$1"; fi; }

# part: search
# cx_wait_search PATTERN PATH: true when the file PATH holds a match of
# PATTERN: with grep -P (Python-like), or grep -E where grep has no -P
# (tried once, when this part is read).
if echo | grep -Pq '' 2>/dev/null; then cx_grep_kind=-Pq; else cx_grep_kind=-Eq; fi
cx_wait_search() { [ -f "$2" ] && grep "$cx_grep_kind" -- "$1" "$2" 2>/dev/null; }

# cx_wait_content PATH MAX: reports the first MAX bytes of PATH as content.
cx_wait_content() { cx_report64 content "$(head -c "$2" -- "$1")"; }

# part: drained
# cx_wait_drain TIMEOUT DELAY SLEEP HOST PORT STATES EXCLUDED...: waits
# (cx_wait_for) until no connection in one of the STATES (the kernel's hex
# codes, space-separated) is on HOST:PORT but from the EXCLUDED hosts; each
# name resolved once, before the wait (a name that does not resolve fails
# the task).
cx_wait_drain() {
  cx_hosts=$(cx_wait_addresses "$4") || cx_fail "$4: Name or service not known"
  cx_timeout=$1 cx_delay=$2 cx_pause=$3 cx_port=$(printf '%04X' "$5") cx_states=$6; shift 6
  cx_excluded=''
  for cx_name; do
    cx_found=$(cx_wait_addresses "$cx_name") || cx_fail "$cx_name: Name or service not known"
    cx_excluded="$cx_excluded$cx_found
"
  done
  cx_wait_for "$cx_timeout" "$cx_delay" "$cx_pause" false cx_wait_drained "$cx_port" "$cx_states" "$cx_hosts" "$cx_excluded"
}

# cx_wait_addresses NAME: each address NAME resolves to (getent ahosts, as
# Python's getaddrinfo; where the host has no getent, NAME when it is an
# address), one a line; false when there is none.
cx_wait_addresses() {
  if command -v getent >/dev/null 2>&1; then
    getent ahosts "$1" | awk '{ print $1 }' | sort -u | grep .
  else
    printf '%s\n' "$1" | grep -E '^[0-9.]+$|:'
  fi
}

# cx_wait_drained PORT STATES HOSTS EXCLUDED: true when no TCP connection in
# /proc/net/tcp and tcp6 is on local port PORT (4 hex digits, as the
# kernel writes it) at one of the addresses
# HOSTS (lines of cx_wait_addresses; 0.0.0.0 or :: for any) in one of the
# STATES (hex codes, as the kernel writes them), from an address not in
# EXCLUDED, as Ansible's LinuxTCPConnectionInfo counts them: the kernel
# writes each 32-bit word of an address in the host's byte order.
cx_wait_drained() {
  cx_tables=''
  for cx_f in /proc/net/tcp /proc/net/tcp6; do [ -f "$cx_f" ] && cx_tables="$cx_tables $cx_f"; done
  [ "$(printf '\001\000' | od -An -tx2 | tr -d ' ')" = 0001 ] && cx_little=1 || cx_little=''
  # shellcheck disable=SC2086 # cx_tables: the tables' paths, words without specials
  awk -v port="$1" -v states=" $2 " -v hosts="$3" -v excluded="$4" -v little="$cx_little" '
      function word(a, b, c, d) { return little ? sprintf("%02X%02X%02X%02X", d, c, b, a) : sprintf("%02X%02X%02X%02X", a, b, c, d) }
      function v4(ip,  p) { split(ip, p, "."); return word(p[1], p[2], p[3], p[4]) }
      function hex16(g) { return index("0123456789abcdef", tolower(g)) - 1 }
      function num(g,  i, n) { n = 0; for (i = 1; i <= length(g); i++) n = n * 16 + hex16(substr(g, i, 1)); return n }
      # An IPv6 address as 16 bytes in b[1..16] (a trailing dotted IPv4 part too).
      function v6(ip,  head, tail, h, t, nh, nt, g, i, k, q) {
        if (ip ~ /\./) { k = ip; sub(/.*:/, "", k); split(k, q, "."); sub(/[^:]*$/, sprintf("%x:%x", q[1] * 256 + q[2], q[3] * 256 + q[4]), ip) }
        if (index(ip, "::")) { head = substr(ip, 1, index(ip, "::") - 1); tail = substr(ip, index(ip, "::") + 2) } else { head = ip; tail = "" }
        nh = head == "" ? 0 : split(head, h, ":"); nt = tail == "" ? 0 : split(tail, t, ":")
        for (i = 1; i <= 8; i++) g[i] = 0
        for (i = 1; i <= nh; i++) g[i] = num(h[i])
        for (i = 1; i <= nt; i++) g[8 - nt + i] = num(t[i])
        for (i = 1; i <= 8; i++) { b[2 * i - 1] = int(g[i] / 256); b[2 * i] = g[i] % 256 }
        return word(b[1], b[2], b[3], b[4]) word(b[5], b[6], b[7], b[8]) word(b[9], b[10], b[11], b[12]) word(b[13], b[14], b[15], b[16])
      }
      # Each address under its family (4: tcp, 6: tcp6); an IPv4 one also as ::ffff:IP, as Ansible.
      function load(list, set,  n, a, i) {
        n = split(list, a, "\n")
        for (i = 1; i <= n; i++) {
          if (a[i] == "") continue
          if (index(a[i], ":")) set[6, v6(a[i])] = 1
          else { set[4, v4(a[i])] = 1; set[6, v6("::ffff:" a[i])] = 1 }
        }
      }
      BEGIN { load(hosts, ips); load(excluded, skip); any[4] = "00000000"; any[6] = "00000000000000000000000000000000"; count = 0 }
      $2 == "local_address" { next }
      {
        family = FILENAME ~ /6$/ ? 6 : 4
        if (index(states, " " $4 " ") == 0) next
        split($2, l, ":"); split($3, r, ":")
        if (l[2] != port || (family, r[1]) in skip) next
        mapped = family == 6 && substr(l[1], 1, 24) == "0000000000000000FFFF0000" && (6, "0000000000000000FFFF000000000000") in ips
        if ((family, l[1]) in ips || (family, any[family]) in ips || mapped) count++
      }
      END { exit (count > 0) }' $cx_tables </dev/null
}
