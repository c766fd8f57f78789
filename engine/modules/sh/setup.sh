# The setup module's fact sources (engine/modules/setup.ts builds the script
# and parses what it prints). Output is sections: a line `$cx_mark NAME`
# (cx_mark holds a random nonce, so no file content can fake one) and the raw
# text after it. Small files are read by one grep for all of them (lines
# `PATH:LINE`), so a gather costs a handful of processes, not one per file.
# Every tool is optional: a missing one leaves its section empty.

# cx_sec NAME: starts section NAME (the newline before the marker ends the
# previous section's text; the parser removes it).
# shellcheck disable=SC2154 # cx_mark is set by setup.ts before this file
cx_sec() { printf '\n%s %s\n' "$cx_mark" "$1"; }

# cx_has COMMAND: true when the host has COMMAND.
cx_has() { command -v "$1" >/dev/null 2>&1; }

# cx_files PATH...: the readable ones among PATH (globs expanded by the
# caller), every line as PATH:LINE.
cx_files() { cx_sec files; grep -Hsa '' "$@" 2>/dev/null; }

# cx_paths PATH...: which of PATH exist (symlinks too), one a line; where
# /sbin/init points when PID 1's name says nothing (service_mgr), and which
# service tools the host has.
cx_paths() {
  cx_sec paths
  for cx_p in "$@"; do if [ -e "$cx_p" ] || [ -L "$cx_p" ]; then printf '%s\n' "$cx_p"; fi; done
  cx_c=; { read -r cx_c < /proc/1/comm; } 2>/dev/null
  cx_sec init_link
  case "$cx_c" in ''|init|*sh) if [ -L /sbin/init ]; then readlink /sbin/init; fi;; esac
  cx_sec tools
  for cx_p in systemctl initctl; do if cx_has $cx_p; then printf '%s\n' $cx_p; fi; done
}

# cx_platform: the machine when the kernel has no /proc/sys/kernel/arch, and
# the fqdn (as Python's socket.getfqdn: the host name's address looked up
# back).
cx_platform() {
  if [ ! -r /proc/sys/kernel/arch ]; then cx_sec machine; uname -m; fi
  cx_h=; { read -r cx_h < /proc/sys/kernel/hostname; } 2>/dev/null
  cx_sec fqdn_name
  if cx_has getent && [ -n "$cx_h" ]; then
    cx_a=$(getent ahosts "$cx_h" 2>/dev/null) && getent hosts "${cx_a%%[ 	]*}" 2>/dev/null
  fi
}

# cx_user: the login name as Python's getpass finds it and its passwd entry
# (the ids come from /proc/self/status).
cx_user() {
  cx_u=${LOGNAME:-${USER:-${LNAME:-${USERNAME:-}}}}
  [ -n "$cx_u" ] || cx_u=$(id -un 2>/dev/null)
  cx_sec login; printf '%s\n' "$cx_u"
  cx_sec passwd
  if cx_has getent; then getent passwd "$cx_u" 2>/dev/null || getent passwd "$(id -u)" 2>/dev/null
  else grep "^$cx_u:" /etc/passwd 2>/dev/null; fi
}

# cx_env: the environment the facts see.
cx_env() { cx_sec env; env; }

# cx_date: the time now (epoch with nanoseconds, zone name and offset); away
# from UTC also the zone on 1 January and 1 July (which name is the DST one).
cx_date() {
  cx_sec date; cx_d=$(date '+%s %N %Z %z'); printf '%s\n' "$cx_d"
  case "$cx_d" in *' UTC +0000') return;; esac
  cx_sec date_jan; date -d '1 jan' '+%Z %z' 2>/dev/null
  cx_sec date_jul; date -d '1 jul' '+%Z %z' 2>/dev/null
}

# cx_lsb: what lsb_release -a says. Debian's own lsb_release (the short sh
# script that reads os-release) is not run: the parser derives its answer.
cx_lsb() {
  cx_l=
  if [ -r /usr/bin/lsb_release ]; then { read -r cx_l; read -r cx_l; read -r cx_l; } < /usr/bin/lsb_release; fi
  case "$cx_l" in
    *'Gioele Barabucci'*) cx_sec lsb_os_release ;;
    *) cx_sec lsb_release; if cx_has lsb_release; then lsb_release -a 2>/dev/null; fi ;;
  esac
}

# cx_hardware: mtab, the statvfs numbers of its device mounts (stat -f, one
# call for all), and lsblk's UUIDs.
cx_hardware() {
  cx_m=/etc/mtab; [ -e $cx_m ] || cx_m=/proc/mounts
  cx_sec mtab
  set --
  # shellcheck disable=SC2034 # cx_rest takes the fields after the fourth
  while read -r cx_dev cx_mnt cx_type cx_opts cx_rest; do
    printf '%s %s %s %s\n' "$cx_dev" "$cx_mnt" "$cx_type" "$cx_opts"
    case "$cx_dev" in /*|\\*|*:/*) ;; *) continue;; esac
    [ "$cx_type" = none ] && continue
    case "$cx_mnt" in *\\*) cx_mnt=$(printf '%b' "$cx_mnt");; esac
    set -- "$@" "$cx_mnt"
  done < $cx_m
  cx_sec statfs
  if [ $# -gt 0 ]; then cx_statfs "$@"; fi
  cx_sec lsblk
  if cx_has lsblk; then lsblk --list --noheadings --paths --output NAME,UUID --exclude 2 2>/dev/null; fi
}

# cx_statfs MOUNT...: the statvfs numbers of each mount (stat -f, one call
# for all), with Ansible's limit of 10 seconds a mount: when that call hangs,
# the mounts after the last one it answered are asked again, each alone and
# all at once, and one that hangs again is `timeout|MOUNT`.
cx_statfs() {
  cx_t=; if cx_has timeout; then cx_t='timeout 10'; fi
  cx_o=$($cx_t stat -f -c "$cx_statfs_format" -- "$@" 2>/dev/null); cx_r=$?
  [ -z "$cx_o" ] || printf '%s\n' "$cx_o"
  [ "$cx_r" = 124 ] || return 0
  if [ -n "$cx_o" ]; then
    cx_last=${cx_o##*"
"}
    cx_last=${cx_last%|*|*|*|*|*|*|*}
    while [ $# -gt 0 ] && [ "$1" != "$cx_last" ]; do shift; done
    [ $# -eq 0 ] || shift
  fi
  for cx_p in "$@"; do
    ( timeout 10 stat -f -c "$cx_statfs_format" -- "$cx_p" 2>/dev/null; [ $? != 124 ] || printf 'timeout|%s\n' "$cx_p" ) &
  done
  wait
}
cx_statfs_format='%n|%S|%s|%b|%f|%a|%c|%d'

# cx_devices: (one ls for all) the block devices of /sys/block and what
# each links to, the entries of each one's directory (its partitions), the
# holders and slaves, the /dev/disk links; lspci's names (a device's `host`)
# and sg_inq's serials, as Ansible's device facts read them. Their small
# files are in the files section.
cx_devices() {
  cx_sec block_ls
  LC_ALL=C ls -l /sys/block/ /sys/block/*/ /sys/block/*/holders/ /sys/block/*/*/holders/ /sys/block/*/slaves/ /dev/disk/by-id/ /dev/disk/by-uuid/ /dev/disk/by-label/ 2>/dev/null
  if cx_has lspci; then cx_sec lspci; LC_ALL=C lspci -D 2>/dev/null; fi
  if cx_has sg_inq; then
    for cx_p in /sys/block/*; do cx_sec "sg_inq ${cx_p##*/}"; sg_inq "/dev/${cx_p##*/}" 2>/dev/null; done
  fi
}

# cx_lvm: as root with the LVM tools, vgs, lvs and pvs (and the mapper name
# of a /dev/dm-N physical volume), as Ansible's lvm facts.
cx_lvm() {
  cx_has vgs && [ "$(id -u)" = 0 ] || return 0
  for cx_p in vgs lvs pvs; do
    cx_sec "lvm $cx_p"
    if cx_has $cx_p; then LC_ALL=C $cx_p --noheadings --nosuffix --units g --separator , 2>/dev/null; fi
  done
  LC_ALL=C pvs --noheadings -o pv_name 2>/dev/null | while read -r cx_p; do
    case "$cx_p" in /dev/dm-*) cx_sec "dm_name $cx_p"; dmsetup info -C --noheadings -o name "$cx_p" 2>/dev/null;; esac
  done
}

# cx_caps: capsh --print and its exit code.
cx_caps() {
  cx_has capsh || return 0
  cx_sec capsh; capsh --print 2>/dev/null
  cx_sec "capsh_rc $?"
}

# cx_chroot: Ansible's chroot check: debian_chroot, else whether / is the
# root of PID 1 (same device and inode), else (PID 1's root unreadable) the
# root's inode and its file system's type.
cx_chroot() {
  cx_sec debian_chroot; printf '%s\n' "${debian_chroot:-}"
  if [ -e /proc/1/root/. ]; then
    cx_sec root_same
    # -ef (a builtin: no process) is not POSIX, but dash, bash, busybox and ksh have it.
    # shellcheck disable=SC3013
    if [ / -ef /proc/1/root/. ]; then echo yes; else echo no; fi
  else
    cx_sec root_inode; ls -di / 2>/dev/null
    cx_sec root_fs; stat -f -c %T / 2>/dev/null
  fi
}

# cx_python FACTS given INTERPRETER... | cx_python FACTS find CANDIDATE...:
# the Python facts (when FACTS is 1) from INTERPRETER (the one Ansible would
# run), else from the first CANDIDATE the host has (its path is the section
# python_found: discovered, as Ansible's action discovers it for any module).
cx_python() {
  cx_w=$1; cx_how=$2; shift 2
  if [ "$cx_how" = find ]; then
    for cx_p in "$@"; do
      if cx_has "$cx_p"; then set -- "$cx_p"; cx_sec python_found; printf '%s\n' "$cx_p"; break; fi
      shift
    done
    [ $# -gt 0 ] || return 0
  fi
  [ "$cx_w" = 1 ] || return 0
  cx_sec python
  # The program: no line indented (setup.ts sends this file without
  # indentation), no import that costs (ssl is looked up, not loaded), -S.
  "$@" -S -c 'import sys
from _frozen_importlib_external import PathFinder
print("_ssl" in sys.builtin_module_names or PathFinder.find_spec("_ssl") is not None, sys.implementation.name, sys.version.split()[0], *sys.version_info)
print(sys.executable)' 2>/dev/null
}

# cx_network: (one ip for all) the addresses of every interface and the
# routes to Ansible's probe addresses (the default interfaces); the
# interfaces' device links.
cx_network() {
  if cx_has ip; then
    cx_sec ip
    ip -o -force -batch - 2>/dev/null <<EOF
addr show
route get 8.8.8.8
route get 2404:6800:400a:800::1012
EOF
  fi
  cx_sec links; ls -ld /sys/class/net/*/device /sys/class/net/*/device/driver/module /sys/class/net/*/brif/* 2>/dev/null
}

# cx_local DIR: Ansible's local facts: each DIR/*.fact, run when it is
# executable (its output, its exit code, its stderr), else read.
cx_local() {
  for cx_f in "$1"/*.fact; do
    [ -e "$cx_f" ] || continue
    if [ -x "$cx_f" ]; then
      cx_sec "local_run ${cx_f##*/}"
      cx_e=$( { "$cx_f" </dev/null; cx_sec "local_rc $?"; } 2>&1 >&3; printf x )
      cx_sec local_err
      printf '%s' "${cx_e%x}"
    else
      cx_sec "local_file ${cx_f##*/}"
      cat -- "$cx_f" 2>/dev/null
    fi
  done
}
