# A text file replaced whole, as Ansible's atomic_move leaves it, for the
# modules that work the new text out on the controller (known_hosts,
# sysctl, authorized_key, mount's fstab). Needs report.sh.

# cx_expand_path PATH: sets cx_path to PATH with a leading ~ as the
# user's home (Ansible's `path` type).
# shellcheck disable=SC2034 # cx_path is for the caller
cx_expand_path() {
  case $1 in \~) cx_path=$HOME ;; \~/*) cx_path=$HOME/${1#\~/} ;; *) cx_path=$1 ;; esac
}

# cx_rewrite_start PATH: sets cx_tmp to a new temp file beside PATH (the
# caller writes the new text into it).
cx_rewrite_start() {
  cx_tmp=$(mktemp "$(dirname -- "$1")/.cxplay.XXXXXXXX") || cx_fail "Failed to write to file $1: cannot create a temporary file"
}

# cx_rewrite_finish PATH: renames cx_tmp over PATH: an existing PATH's mode,
# owner and group are kept; a new one gets the umask's mode (0666 masked).
cx_rewrite_finish() {
  if [ -e "$1" ]; then
    chmod "$(stat -c %a -- "$1")" "$cx_tmp" && chown "$(stat -c %u:%g -- "$1")" "$cx_tmp" 2>/dev/null
  else
    chmod "$(printf '%o' $((0666 & ~$(umask))))" "$cx_tmp"
  fi
  mv -f -- "$cx_tmp" "$1" || { rm -f -- "$cx_tmp"; cx_fail "Failed to write to file $1"; }
}
