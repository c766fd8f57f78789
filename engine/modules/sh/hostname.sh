# shellcheck shell=sh disable=SC2154 # cx_bin, cx_rc, cx_out, cx_err are set by system.sh
# The hostname module (engine/modules/hostname.ts builds the call), as
# ansible-core 2.14's hostname does with its systemd strategy (hostnamectl)
# and its file strategies (a file holding the name; alpine also runs
# hostname -F). Needs report.sh and system.sh.

# cx_hostname_task CHECK STRATEGY NAME: brings the permanent and current
# names to NAME with STRATEGY: systemd, file:PATH, alpine:PATH, or auto
# (systemd when systemd runs the host, else a Debian-family or Alpine
# file). Reports changed, before (the name the diff shows), fqdn.
cx_hostname_task() {
  cx_check=$1 cx_name=$3 cx_changed=0
  cx_strategy=$2
  [ "$cx_strategy" = auto ] && cx_hostname_detect
  case $cx_strategy in
    systemd) cx_bin hostnamectl; cx_hostname_systemd ;;
    *) cx_file=${cx_strategy#*:}; cx_hostname_file ;;
  esac
  cx_report changed "$cx_changed"
  if [ "$cx_name" != "$cx_current" ]; then cx_report64 before "$cx_current"; else cx_report64 before "$cx_permanent"; fi
  cx_hostname_fqdn
}

# cx_hostname_detect: sets cx_strategy for a host the task gave no `use`,
# as Ansible picks it on Linux.
cx_hostname_detect() {
  if command -v systemctl >/dev/null 2>&1 && { [ -d /run/systemd/system ] || [ -d /dev/.run/systemd ] || [ -d /dev/.systemd ]; }; then
    cx_strategy=systemd; return 0
  fi
  # shellcheck disable=SC1091 # the host's own file
  cx_id=$(. /etc/os-release 2>/dev/null && echo "$ID")
  case $cx_id in
    debian | ubuntu | kali | linuxmint | raspbian | devuan | deepin | parrot | pop | neon | cumulus-linux | kylin | linaro | uos | void) cx_strategy=file:/etc/hostname ;;
    alpine) cx_strategy=alpine:/etc/hostname ;;
    *) cx_fail "cxplay's hostname has no strategy for this host (${cx_id:-unknown}) without systemd: give use: systemd, debian, alpine, sles or openbsd" ;;
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

# cx_hostname_file: a file strategy (the current name is the file's too):
# the current name first, then the permanent one; alpine runs hostname -F.
cx_hostname_file() {
  cx_hostname_read; cx_current=$cx_got cx_permanent=$cx_got
  if [ "$cx_got" != "$cx_name" ]; then
    case $cx_strategy in alpine:*) $cx_check || cx_hostname_alpine ;; esac
    cx_changed=1
  fi
  cx_hostname_read
  if [ "$cx_got" != "$cx_name" ]; then
    $cx_check || printf '%s\n' "$cx_name" >"$cx_file" || cx_fail "failed to update hostname: cannot write $cx_file"
    cx_changed=1
  fi
}

# cx_hostname_alpine: hostname -F FILE, as Alpine's strategy sets the current name.
cx_hostname_alpine() {
  cx_bin hostname; cx_run "$cx_bin" -F "$cx_file"
  [ "$cx_rc" = 0 ] || cx_fail "Command failed rc=$cx_rc, out=$cx_out, err=$cx_err"
}

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
