# A text file replaced whole, as Ansible's atomic_move leaves it, for the
# modules that work the new text out on the controller (known_hosts,
# sysctl, authorized_key, mount's fstab). Needs report.sh.

# cx_expand_path PATH: sets cx_path to PATH as Ansible's `path` type makes
# it (os.path.expandvars, then expanduser): $NAME and ${NAME} as the
# environment has them (unknown names kept), then a leading ~ as the home
# ($HOME) and ~USER as USER's (kept when there is no such user).
# shellcheck disable=SC2034 # cx_path is for the caller
cx_expand_path() {
  cx_path=$1
  case $cx_path in *\$*) cx_path=$(cx_value=$cx_path awk 'BEGIN {
    rest = ENVIRON["cx_value"]; out = ""
    while (match(rest, /\$([A-Za-z0-9_]+|\{[^}]*\})/)) {
      name = substr(rest, RSTART + 1, RLENGTH - 1)
      if (name ~ /^\{/) name = substr(name, 2, length(name) - 2)
      out = out substr(rest, 1, RSTART - 1) (name in ENVIRON ? ENVIRON[name] : substr(rest, RSTART, RLENGTH))
      rest = substr(rest, RSTART + RLENGTH)
    }
    printf "%s", out rest }'; echo x) && cx_path=${cx_path%x} ;; esac
  case $cx_path in \~*) ;; *) return 0 ;; esac
  cx_user=${cx_path%%/*} cx_user=${cx_user#\~}
  if [ -z "$cx_user" ]; then cx_home=${HOME-}
  else cx_home=$(getent passwd "$cx_user" 2>/dev/null | cut -d: -f6) && [ -n "$cx_home" ] || return 0
  fi
  cx_home=${cx_home%"${cx_home##*[!/]}"}
  cx_path=$cx_home${cx_path#"~$cx_user"}
  cx_path=${cx_path:-/}
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
