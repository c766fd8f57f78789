# cx_self: sets cx_umask, cx_euid and cx_egid to the shell's umask and
# effective ids, from /proc without a process (with one where there is no
# /proc).
# shellcheck disable=SC2034 # its outputs are read by the scripts that include it
cx_self() {
  cx_umask='' cx_euid='' cx_egid=''
  # shellcheck disable=SC2034 # cx_rest takes the fields after the third
  while read -r cx_k cx_r cx_e cx_rest; do
    case $cx_k in
      Umask:) cx_umask=$cx_r ;;
      Uid:) cx_euid=$cx_e ;;
      Gid:) cx_egid=$cx_e; break ;;
    esac
  done 2>/dev/null < /proc/self/status
  [ -n "$cx_umask" ] || cx_umask=$(umask)
  [ -n "$cx_euid" ] || cx_euid=$(id -u)
  [ -n "$cx_egid" ] || cx_egid=$(id -g)
}

# cx_octal N: sets cx_o to N as four octal digits, by arithmetic (no printf
# subshell).
cx_octal() { cx_o=$(( ($1 >> 9) & 7 ))$(( ($1 >> 6) & 7 ))$(( ($1 >> 3) & 7 ))$(( $1 & 7 )); }
