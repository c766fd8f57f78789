/**
 * A fake `systemctl` for tests (a sh script put first on PATH): each unit is a
 * directory under $CX_UNITS (default /var/lib/cxsim/units, a per-host tmpfs in
 * the lab) holding `active` and `enabled` files; every command that changes
 * something is logged to $CX_UNITS/log, so tests compare what was run.
 */
export const FAKE_SYSTEMCTL = String.raw`#!/bin/sh
while [ "$#" -gt 0 ]; do case "$1" in --*) shift;; *) break;; esac; done
cmd=$1; shift
unit=$1
: "${'$'}{CX_UNITS:=/var/lib/cxsim/units}"
u="$CX_UNITS/$unit"
log() { printf '%s\n' "$*" >> "$CX_UNITS/log"; }
need() { [ -d "$u" ] || { echo "Unit $unit not found." >&2; exit 5; }; }
case "$cmd" in
  daemon-reload) log daemon-reload ;;
  show)
    if [ ! -d "$u" ]; then printf 'Id=%s\nLoadState=not-found\nActiveState=inactive\n' "$unit"; exit 0; fi
    printf 'Id=%s\nLoadState=loaded\nActiveState=%s\nUnitFileState=%s\nDescription=%s\n' "$unit" "$(cat "$u/active")" "$(cat "$u/enabled")" "fake unit" ;;
  is-active) [ -d "$u" ] || { echo inactive; exit 3; }; cat "$u/active"; [ "$(cat "$u/active")" = active ] ;;
  is-enabled)
    [ -d "$u" ] || { echo "Failed to get unit file state for $unit: No such file or directory" >&2; exit 1; }
    s=$(cat "$u/enabled"); echo "$s"; case "$s" in enabled|static|enabled-runtime|alias|indirect) exit 0;; *) exit 1;; esac ;;
  enable) need; log "enable $unit"; echo enabled > "$u/enabled" ;;
  disable) need; log "disable $unit"; echo disabled > "$u/enabled" ;;
  mask) log "mask $unit"; mkdir -p "$u"; echo masked > "$u/enabled"; [ -f "$u/active" ] || echo inactive > "$u/active" ;;
  unmask) log "unmask $unit"; echo disabled > "$u/enabled" ;;
  start|restart|reload)
    need; log "$cmd $unit"
    if [ -f "$u/broken" ]; then echo "Job for $unit failed because the control process exited with error code." >&2; exit 1; fi
    echo active > "$u/active" ;;
  stop) need; log "stop $unit"; echo inactive > "$u/active" ;;
  *) echo "unknown command $cmd" >&2; exit 1 ;;
esac
`;
