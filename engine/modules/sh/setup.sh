# The setup module's facts (engine/modules/setup.ts parses them): the raw
# sources of a documented subset of Ansible's facts. Every tool is optional:
# without hostname, ip or getconf it falls back to /proc, /sys and
# /etc/os-release, and mount sizes come from stat -f (no df needed). Needs
# report.sh.

# cx_facts: reports hostname, fqdn, kernel, kernel_version, architecture,
# vcpus, nproc, meminfo, user ("NAME|UID|GID|HOME|SHELL"), os_release,
# debian_version, service_mgr, machine_id, uptime, pkg_mgr, ip_addresses
# and ip_route (with ip) or fib_trie and proc_route (without), links
# ("NAME MAC MTU" lines), mounts ("DEVICE|MOUNT|TYPE|OPTIONS|STATFS" lines),
# env, and done.
cx_facts() {
  if cx_has hostname; then cx_report64 hostname "$(hostname)"; cx_report64 fqdn "$(hostname -f 2>/dev/null || hostname)"
  else cx_report64 hostname "$(cx_read /proc/sys/kernel/hostname)"; fi
  cx_report64 kernel "$(uname -r)"
  cx_report64 kernel_version "$(uname -v)"
  cx_report64 architecture "$(uname -m)"
  cx_report vcpus "$(getconf _NPROCESSORS_ONLN 2>/dev/null || grep -c '^processor' /proc/cpuinfo)"
  cx_report nproc "$(nproc 2>/dev/null || grep -c '^processor' /proc/cpuinfo)"
  cx_report64 meminfo "$(grep -E '^(MemTotal|MemFree|SwapTotal|SwapFree):' /proc/meminfo)"
  cx_report64 user "$(id -un)|$(id -u)|$(id -g)|$HOME|$SHELL"
  cx_report64 os_release "$(cx_read /etc/os-release || cx_read /usr/lib/os-release)"
  cx_report64 debian_version "$(cx_read /etc/debian_version)"
  if [ -d /run/systemd/system ]; then cx_report service_mgr systemd; else cx_report64 service_mgr "$(cx_read /proc/1/comm)"; fi
  cx_report64 machine_id "$(cx_read /etc/machine-id)"
  cx_report64 uptime "$(cx_read /proc/uptime)"
  for cx_m in apt-get dnf yum zypper apk pacman; do if cx_has "$cx_m"; then cx_report pkg_mgr "$cx_m"; break; fi; done
  if cx_has ip; then
    cx_report64 ip_addresses "$(ip -4 -o addr show 2>/dev/null)"
    cx_report64 ip_route "$(ip -4 route show default 2>/dev/null)"
  else
    cx_report64 fib_trie "$(cx_read /proc/net/fib_trie)"
    cx_report64 proc_route "$(cx_read /proc/net/route)"
  fi
  cx_report64 links "$(for cx_l in /sys/class/net/*; do [ -e "$cx_l" ] && printf '%s %s %s\n' "${cx_l##*/}" "$(cx_read "$cx_l/address")" "$(cx_read "$cx_l/mtu")"; done)"
  # shellcheck disable=SC2034 # cx_rest takes the fields after the fourth
  cx_report64 mounts "$(while read -r cx_dev cx_mnt cx_type cx_opts cx_rest; do
    case "$cx_dev" in /*|*:/*) ;; *) continue;; esac
    [ "$cx_type" = none ] && continue
    printf '%s|%s|%s|%s|%s\n' "$cx_dev" "$cx_mnt" "$cx_type" "$cx_opts" "$(stat -f -c '%S %b %f %a %c %d' -- "$(printf '%b' "$cx_mnt")" 2>/dev/null)"
  done < /proc/mounts)"
  cx_report64 env "$(env)"
  cx_report 'done' 1
}

# cx_has COMMAND: true when the host has COMMAND.
cx_has() { command -v "$1" >/dev/null 2>&1; }

# cx_read FILE: prints FILE when it is readable.
cx_read() { [ -r "$1" ] && cat "$1" 2>/dev/null; }
