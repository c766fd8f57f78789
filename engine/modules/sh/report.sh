# The result protocol: how module scripts talk back to the controller
# (engine/modules/lib/report.ts reads it). Lines `@@cx key=value` (plain) or
# `@@cx key:=BASE64` (any bytes) on stdout. Reports are gathered in cx_rep
# and written in one go when the script exits (one SSH packet): a script
# that sets its own EXIT trap calls cx_flush in it (flushOnExit); one that
# writes other output the controller reads in order calls cx_flush first.
# Comes first in every module script.

cx_rep=
cx_nl='
'

# cx_report KEY VALUE: reports KEY as VALUE, which holds no newline.
cx_report() { cx_rep="$cx_rep@@cx $1=$2$cx_nl"; }

# cx_report64 KEY VALUE: reports KEY as any VALUE; only one with a newline
# (which would break its line) goes through base64, two processes.
cx_report64() {
  case $2 in
    *"$cx_nl"*) cx_rep="$cx_rep@@cx $1:=$(printf '%s' "$2" | base64 | tr -d '\n')$cx_nl" ;;
    *) cx_report "$1" "$2" ;;
  esac
}

# cx_flush: writes the gathered reports (and forgets them).
cx_flush() {
  if [ -n "$cx_rep" ]; then printf '%s' "$cx_rep"; fi
  cx_rep=
}

# cx_fail MESSAGE: reports the task failed with MESSAGE and ends the script.
cx_fail() {
  cx_report64 msg "$1"
  cx_report failed 1
  exit 0
}

trap cx_flush EXIT
