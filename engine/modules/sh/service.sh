# The systemd and service modules (engine/modules/lib/service.ts builds the
# call), as Ansible 2.14's systemd module decides. Needs report.sh. A script
# carries the common part and the parts of what the task asks for: `masked`,
# `enabled`, `state`.
#
# The task's variables, set by cx_service_task and read by the functions of
# this file: unit, options (systemctl's scope, --no-block, --force words),
# check (true or false), changed (0 or 1), active (the unit's ActiveState)
# and found (0 when systemd does not know the unit).

# cx_service_task CHECK OPTIONS DAEMON_RELOAD DAEMON_REEXEC UNIT MASKED ENABLED STATE:
# reloads (or re-executes) systemd when DAEMON_RELOAD (DAEMON_REEXEC) is
# true, then brings UNIT (empty: none) to MASKED and ENABLED (true, false, or
# empty: leave alone) and STATE (started, stopped, restarted, reloaded, or
# empty). Reports status (systemctl show), active, enabled, changed and
# done. CHECK true: changes nothing, reports what would change.
cx_service_task() {
  check=$1 options=$2 unit=$5 changed=0
  command -v systemctl >/dev/null 2>&1 || cx_fail "Failed to find required executable \"systemctl\" in paths: $PATH"
  if ! $check; then
    [ "$3" = true ] && { cx_out=$(cx_systemctl daemon-reload 2>&1) || cx_fail "failure $? during daemon-reload: $cx_out"; }
    [ "$4" = true ] && { cx_out=$(cx_systemctl daemon-reexec 2>&1) || cx_fail "failure $? during daemon-reexec: $cx_out"; }
  fi
  if [ -n "$unit" ]; then
    cx_service_status
    [ -n "$6" ] && cx_service_masked "$6"
    [ -n "$7" ] && cx_service_enabled "$7"
    [ -n "$8" ] && cx_service_state "$8"
  fi
  cx_report changed "$changed"; cx_report 'done' 1
}

# cx_systemctl ARGS...: systemctl with the task's options.
# shellcheck disable=SC2086 # options are words
cx_systemctl() { systemctl $options "$@"; }

# cx_service_act ACTION: ACTION (start, enable, mask, ...) on the unit,
# unless in check mode; sets changed; fails with Ansible's message.
cx_service_act() {
  changed=1
  $check && return 0
  cx_out=$(cx_systemctl "$1" "$unit" 2>&1) || cx_fail "Unable to $1 service $unit: $cx_out"
}

# cx_service_status: reports the unit's properties as status and its
# ActiveState as active; sets active and found. Without LoadState (a
# minimal systemctl), is-enabled saying "not found" is the sign.
cx_service_status() {
  cx_status=$(cx_systemctl show "$unit" 2>/dev/null); cx_report64 status "$cx_status"
  cx_load=$(printf '%s\n' "$cx_status" | sed -n 's/^LoadState=//p')
  active=$(printf '%s\n' "$cx_status" | sed -n 's/^ActiveState=//p')
  [ -n "$active" ] || active=$(cx_systemctl is-active "$unit" 2>/dev/null); cx_report active "$active"
  found=1
  if [ "$cx_load" = not-found ]; then found=0
  elif [ -z "$cx_load" ]; then cx_systemctl is-enabled "$unit" 2>&1 | grep -qi "not found\|no such file" && found=0; fi
}

# cx_service_found: fails when systemd does not know the unit.
cx_service_found() { [ "$found" = 1 ] || cx_fail "Could not find the requested service $unit: host"; }

# part: masked
# cx_service_masked WANT: masks (WANT true) or unmasks the unit when needed.
cx_service_masked() {
  cx_masked=false; [ "$(cx_systemctl is-enabled "$unit" 2>/dev/null)" = masked ] && cx_masked=true
  [ "$cx_masked" = "$1" ] && return 0
  if $1; then cx_service_act mask; else cx_service_act unmask; fi
}

# part: enabled
# cx_service_enabled WANT: enables (WANT true) or disables the unit when
# needed and reports enabled. is-enabled succeeds for enabled, static, ...;
# indirect and alias do not count (as Ansible).
cx_service_enabled() {
  cx_service_found
  cx_enabled=false
  if cx_state=$(cx_systemctl is-enabled "$unit" 2>/dev/null); then case "$cx_state" in indirect|alias) ;; *) cx_enabled=true ;; esac; fi
  if [ "$cx_enabled" != "$1" ]; then if $1; then cx_service_act enable; else cx_service_act disable; fi; fi
  if $1; then cx_report enabled 1; else cx_report enabled 0; fi
}

# part: state
# cx_service_state STATE: starts, stops, restarts or reloads the unit.
# Running means ActiveState active or activating (Ansible's
# is_running_service); a unit that is not running is started instead of
# restarted or reloaded.
cx_service_state() {
  cx_service_found
  case "$active" in active|activating) cx_running=true ;; *) cx_running=false ;; esac
  case $1 in
    started) $cx_running || cx_service_act start ;;
    stopped) case "$active" in active|activating|deactivating) cx_service_act stop ;; esac ;;
    restarted) if $cx_running; then cx_service_act restart; else cx_service_act start; fi ;;
    reloaded) if $cx_running; then cx_service_act reload; else cx_service_act start; fi ;;
  esac
}
