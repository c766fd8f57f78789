# shellcheck shell=sh disable=SC2154 # cx_bin, cx_rc, cx_out, cx_err are set by system.sh
# The hostname module (engine/modules/hostname.ts builds the call), as
# ansible-core 2.14's hostname does with each of its strategies: systemd
# (hostnamectl), the files holding the name (alpine also runs hostname -F),
# redhat (HOSTNAME= of /etc/sysconfig/network), openrc and freebsd
# (hostname="..." of /etc/conf.d/hostname, /etc/rc.conf.d/hostname; freebsd
# runs hostname for the current name), solaris (svccfg and hostname) and
# darwin (scutil's HostName, ComputerName and LocalHostName). Needs
# report.sh and system.sh.

# The name a strategy reads when its file has no hostname= line (Python's
# None in Ansible's module): no name read from a file can hold a newline.
cx_hostname_none='
(none)'

# cx_hostname_task CHECK STRATEGY NAME: brings the permanent and current
# names to NAME with STRATEGY: systemd, file:PATH, alpine:PATH,
# redhat:PATH, openrc:PATH, freebsd:PATH, solaris, darwin, or auto
# (as cx_hostname_detect picks it). Reports changed, before (the name the diff shows), fqdn.
cx_hostname_task() {
  cx_check=$1 cx_name=$3 cx_changed=0
  cx_strategy=$2
  [ "$cx_strategy" = auto ] && cx_hostname_detect
  cx_file=${cx_strategy#*:}
  case $cx_strategy in
    systemd) cx_bin hostnamectl; cx_hostname_systemd ;;
    redhat:*) cx_hostname_base cx_hostname_redhat_read cx_hostname_redhat_read : cx_hostname_redhat_write ;;
    openrc:*) cx_hostname_base cx_hostname_rc_read cx_hostname_rc_read : cx_hostname_rc_write ;;
    freebsd:*) cx_bin hostname; cx_hostname_base cx_hostname_command_read cx_hostname_rc_read cx_hostname_command_set cx_hostname_rc_write ;;
    solaris) cx_bin hostname; cx_hostname_base cx_hostname_svccfg_read cx_hostname_svccfg_read 'cx_hostname_command_set -t' cx_hostname_command_set ;;
    darwin) cx_bin scutil; cx_hostname_darwin ;;
    alpine:*) cx_hostname_base cx_hostname_read cx_hostname_read cx_hostname_alpine cx_hostname_file_write ;;
    *) cx_hostname_base cx_hostname_read cx_hostname_read : cx_hostname_file_write ;;
  esac
  cx_report changed "$cx_changed"
  if [ "$cx_name" != "$cx_current" ]; then cx_before=$cx_current; else cx_before=$cx_permanent; fi
  # Ansible's module fails here too, after its changes (it cannot add None to the diff's text).
  [ "$cx_before" = "$cx_hostname_none" ] && cx_fail "$cx_file has no hostname= line, so the name before cannot be read (ansible-core 2.14's hostname fails there too, with a TypeError, after its changes): add a line hostname=\"NAME\" to it"
  cx_report64 before "$cx_before"
  cx_hostname_fqdn
}

# cx_hostname_base GET_CURRENT GET_PERMANENT SET_CURRENT SET_PERMANENT: the
# steps of Ansible's base strategy, each function named: both names read
# (cx_current, cx_permanent), then the current name read again and set when
# it differs, then the permanent one. A GET sets cx_got; a SET takes the name.
cx_hostname_base() {
  $1; cx_current=$cx_got
  $2; cx_permanent=$cx_got
  $1; if [ "$cx_got" != "$cx_name" ]; then $cx_check || $3 "$cx_name"; cx_changed=1; fi
  $2; if [ "$cx_got" != "$cx_name" ]; then $cx_check || $4 "$cx_name"; cx_changed=1; fi
}

# cx_hostname_run PROGRAM ARGS...: runs it (cx_run); fails with Ansible's
# message unless it exits 0.
cx_hostname_run() {
  cx_run "$@"
  [ "$cx_rc" = 0 ] || cx_fail "Command failed rc=$cx_rc, out=$cx_out, err=$cx_err"
}

# cx_hostname_trimmed TEXT: sets cx_got to TEXT without white space at its
# start and end (Python's strip()).
cx_hostname_trimmed() {
  cx_got=$(printf '%s' "$1" | awk '{ t = t (NR > 1 ? "\n" : "") $0 } END { sub(/^[[:space:]]+/, "", t); sub(/[[:space:]]+$/, "", t); printf "%s", t }')
}

# cx_hostname_detect: sets cx_strategy for a host the task gave no `use`,
# as Ansible picks it: by the system (uname), then on Linux systemd when it
# runs the host, else by the distribution (os-release's ID).
cx_hostname_detect() {
  case $(uname -s) in
    FreeBSD | NetBSD) cx_strategy=freebsd:/etc/rc.conf.d/hostname; return 0 ;;
    OpenBSD) cx_strategy=file:/etc/myname; return 0 ;;
    SunOS) cx_strategy=solaris; return 0 ;;
    Darwin) cx_strategy=darwin; return 0 ;;
  esac
  if command -v systemctl >/dev/null 2>&1 && { [ -d /run/systemd/system ] || [ -d /dev/.run/systemd ] || [ -d /dev/.systemd ]; }; then
    cx_strategy=systemd; return 0
  fi
  # shellcheck disable=SC1091 # the host's own file
  cx_id=$(. /etc/os-release 2>/dev/null && echo "$ID")
  case $cx_id in
    debian | ubuntu | kali | linuxmint | raspbian | devuan | deepin | parrot | pop | neon | cumulus-linux | kylin | linaro | uos | void) cx_strategy=file:/etc/hostname ;;
    alpine) cx_strategy=alpine:/etc/hostname ;;
    rhel | centos | anolis | cloudlinux | alinux | scientific | ol | virtuozzo | amzn | altlinux | eurolinux) cx_strategy=redhat:/etc/sysconfig/network ;;
    gentoo) cx_strategy=openrc:/etc/conf.d/hostname ;;
    *) cx_fail "cxplay's hostname has no strategy for this host (${cx_id:-unknown}) without systemd: give use (one of systemd, alpine, sles, openbsd, redhat, openrc, freebsd, solaris, darwin)" ;;
  esac
}

# cx_hostnamectl ARGS...: runs hostnamectl; sets cx_got to its trimmed
# output; fails with Ansible's message.
cx_hostnamectl() {
  cx_run "$cx_bin" "$@"
  [ "$cx_rc" = 0 ] || cx_fail "Command failed rc=$cx_rc, out=$cx_out, err=$cx_err"
  cx_got=$(printf '%s' "$cx_out" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
}

# cx_hostname_systemd: the systemd strategy's reads and writes, in its order
# (the permanent name first).
cx_hostname_systemd() {
  cx_hostnamectl --transient status; cx_current=$cx_got
  cx_hostnamectl --static status; cx_permanent=$cx_got
  cx_hostnamectl --static status
  if [ "$cx_got" != "$cx_name" ]; then
    $cx_check || { cx_hostname_length; cx_hostnamectl --pretty --static set-hostname "$cx_name"; }
    cx_changed=1
  fi
  cx_hostnamectl --transient status
  if [ "$cx_got" != "$cx_name" ]; then
    $cx_check || { cx_hostname_length; cx_hostnamectl --transient set-hostname "$cx_name"; }
    cx_changed=1
  fi
}

# cx_hostname_length: systemd's limit on a name, checked before a set.
cx_hostname_length() {
  [ ${#cx_name} -le 64 ] || cx_fail "name cannot be longer than 64 characters on systemd servers, try a shorter name"
}

# cx_hostname_read: sets cx_got to the name in cx_file, trimmed ('' when it is not a file).
cx_hostname_read() {
  cx_got=''
  [ -f "$cx_file" ] || return 0
  cx_got=$(sed 's/^[[:space:]]*//; s/[[:space:]]*$//' "$cx_file") || cx_fail "failed to read hostname: cannot read $cx_file"
}

# cx_hostname_file_write NAME: the file strategies' write: NAME and a newline.
cx_hostname_file_write() { printf '%s\n' "$1" >"$cx_file" || cx_fail "failed to update hostname: cannot write $cx_file"; }

# cx_hostname_alpine: hostname -F FILE, as Alpine's strategy sets the
# current name (before the file is written, so from the name it held).
cx_hostname_alpine() { cx_bin hostname; cx_hostname_run "$cx_bin" -F "$cx_file"; }

# cx_hostname_fqdn: reports fqdn as Python's socket.getfqdn() finds it: the
# kernel's name looked up, then its address looked up back; the first name
# with a dot, else the name found.
cx_hostname_fqdn() {
  cx_n=$(uname -n)
  cx_ip=$(getent hosts "$cx_n" | awk '{ print $1; exit }')
  cx_names=$([ -n "$cx_ip" ] && getent hosts "$cx_ip" | awk '{ for (i = 2; i <= NF; i++) print $i; exit }')
  [ -n "$cx_names" ] || { cx_report64 fqdn "$cx_n"; return 0; }
  cx_dotted=$(printf '%s\n' "$cx_names" | grep -m1 '\.')
  cx_report64 fqdn "${cx_dotted:-$(printf '%s\n' "$cx_names" | head -n1)}"
}

# cx_hostname_lines: prints cx_file's lines as Ansible's strategies take
# them (get_file_lines: the text stripped of white space at both ends, then
# split; then each line stripped); nothing for a missing file.
cx_hostname_lines() {
  [ -f "$cx_file" ] || return 0
  awk '{ sub(/^[[:space:]]+/, ""); sub(/[[:space:]]+$/, ""); line[NR] = $0 } END { first = 1; last = NR; while (first <= last && line[first] == "") first++; while (last >= first && line[last] == "") last--; for (i = first; i <= last; i++) print line[i] }' "$cx_file" ||
    cx_fail "failed to read hostname: cannot read $cx_file"
}

# cx_hostname_write TEXT: writes TEXT to cx_file in place (its mode and
# owner kept), as Ansible's open(FILE, 'w').
cx_hostname_write() {
  if [ ! -d "${cx_file%/*}" ]; then cx_fail "failed to update hostname: [Errno 2] No such file or directory: '$cx_file'"; fi
  printf '%s' "$1" >"$cx_file" || cx_fail "failed to update hostname: cannot write $cx_file"
}

# cx_hostname_redhat_read: sets cx_got to the value of the first line
# starting HOSTNAME (white space around it dropped, quotes kept), as Ansible's
# RedHat strategy reads it; fails when there is none or it has not one '='.
cx_hostname_redhat_read() {
  cx_line=$(cx_hostname_lines | awk '/^HOSTNAME/ { print; exit }')
  [ -n "$cx_line" ] || cx_fail "Unable to locate HOSTNAME entry in $cx_file"
  case $cx_line in
    *=*=*) cx_fail "failed to read hostname: too many values to unpack (expected 2)" ;;
    *=*) cx_hostname_trimmed "${cx_line#*=}" ;;
    *) cx_fail "failed to read hostname: not enough values to unpack (expected 2, got 1)" ;;
  esac
}

# cx_hostname_redhat_write NAME: every line starting HOSTNAME (after white
# space) becomes HOSTNAME=NAME, the others stay as they are (the last one
# without its newline if it had none); HOSTNAME=NAME is added when none does.
cx_hostname_redhat_write() {
  cx_ends=1
  [ -s "$cx_file" ] && [ -n "$(tail -c 1 "$cx_file")" ] && cx_ends=0
  # The file was read (it has a HOSTNAME line) before this is called.
  cx_new=$(cx_n=$1 awk -v ends="$cx_ends" '
    { if (NR > 1) printf "%s", pending; l = $0; sub(/^[[:space:]]+/, "", l)
      if (l ~ /^HOSTNAME/) { pending = "HOSTNAME=" ENVIRON["cx_n"] "\n"; found = 1; plain = 0 } else { pending = $0 "\n"; plain = 1 } }
    END { if (NR > 0) { if (plain && !ends) sub(/\n$/, "", pending); printf "%s", pending }
          if (!found) printf "HOSTNAME=%s\n", ENVIRON["cx_n"] }' "$cx_file"; echo x)
  cx_hostname_write "${cx_new%x}"
}

# cx_hostname_rc_read: sets cx_got to the value of the first hostname= line
# of cx_file as Ansible's OpenRC and FreeBSD strategies read it: from its
# eleventh character (one after `hostname=`, the opening quote), quotes
# stripped at both ends; '' for a missing file, cx_hostname_none for a
# file without such a line.
cx_hostname_rc_read() {
  cx_got=''
  [ -f "$cx_file" ] || return 0
  cx_got=$(cx_hostname_lines | awk '/^hostname=/ { v = substr($0, 11); gsub(/^"+|"+$/, "", v); print v; found = 1; exit } END { exit !found }') ||
    cx_got=$cx_hostname_none
}

# cx_hostname_rc_write NAME: cx_file's lines (as cx_hostname_lines gives
# them), the first hostname= one made hostname="NAME"; a missing file gets
# that line alone with freebsd, nothing but a newline with openrc (as Ansible).
cx_hostname_rc_write() {
  if [ -f "$cx_file" ]; then
    cx_new=$(cx_hostname_lines | cx_n=$1 awk '!done && /^hostname=/ { print "hostname=\"" ENVIRON["cx_n"] "\""; done = 1; next } { print }')
  else
    case $cx_strategy in freebsd:*) cx_new="hostname=\"$1\"" ;; *) cx_new='' ;; esac
  fi
  cx_hostname_write "$cx_new
"
}

# cx_hostname_command_read: sets cx_got to what `hostname` prints, trimmed.
cx_hostname_command_read() { cx_hostname_run "$cx_bin"; cx_hostname_trimmed "$cx_out"; }

# cx_hostname_command_set [-t] NAME: hostname [-t] NAME (-t: Solaris's temporary name only).
cx_hostname_command_set() { cx_hostname_run "$cx_bin" "$@"; }

# cx_hostname_svccfg_read: sets cx_got to the node name Solaris's SMF keeps
# (config/nodename of svc:/system/identity:node), read by a shell as Ansible does.
cx_hostname_svccfg_read() {
  cx_hostname_run /bin/sh -c '/usr/sbin/svccfg -s svc:/system/identity:node listprop -o value config/nodename'
  cx_hostname_trimmed "$cx_out"
}

# cx_hostname_darwin: macOS's three names with scutil, as Ansible's Darwin
# strategy: HostName is the current name, ComputerName the permanent one;
# all three are set when any differs (LocalHostName gets the name scrubbed).
cx_hostname_darwin() {
  cx_run "$cx_bin" --get HostName
  case "$cx_rc:$cx_err" in 0:* | *'HostName: not set'*) ;; *) cx_fail "Failed to get current hostname rc=$cx_rc, out=$cx_out, err=$cx_err" ;; esac
  cx_hostname_trimmed "$cx_out"; cx_current=$cx_got
  cx_run "$cx_bin" --get ComputerName
  [ "$cx_rc" = 0 ] || cx_fail "Failed to get permanent hostname rc=$cx_rc, out=$cx_out, err=$cx_err"
  cx_hostname_trimmed "$cx_out"; cx_permanent=$cx_got
  cx_hostname_scrub
  for cx_type in HostName ComputerName LocalHostName; do
    cx_run "$cx_bin" --get "$cx_type"; cx_hostname_trimmed "$cx_out"
    cx_hostname_darwin_wanted
    [ "$cx_got" = "$cx_want" ] || cx_changed=1
  done
  [ "$cx_changed" = 1 ] || return 0
  $cx_check && return 0
  for cx_type in HostName ComputerName LocalHostName; do
    cx_hostname_darwin_wanted
    cx_run "$cx_bin" --set "$cx_type" "$cx_want"
    [ "$cx_rc" = 0 ] || cx_fail "Failed to set $cx_type to '$cx_name': $cx_out $cx_err"
  done
}

# cx_hostname_darwin_wanted: sets cx_want to what scutil's cx_type should
# hold: the name scrubbed for LocalHostName, else the name.
cx_hostname_darwin_wanted() { if [ "$cx_type" = LocalHostName ]; then cx_want=$cx_scrubbed; else cx_want=$cx_name; fi; }

# cx_hostname_scrub: sets cx_scrubbed to the name as LocalHostName takes it
# (Ansible's _scrub_hostname): dots and single quotes dropped, each other
# punctuation and space a dash, then every double dash removed (until none
# is left) and trailing dashes dropped.
cx_hostname_scrub() {
  cx_scrubbed=$(printf '%s\n' "$cx_name" | sed -e "s/[.']//g" -e 's/[]["~`!@#$%^&*(){}/=?+\\|_ -]/-/g' -e ':a' -e 's/--//g' -e 'ta' -e 's/-*$//')
}
