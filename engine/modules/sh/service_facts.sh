# The service_facts module (engine/modules/service_facts.ts parses what this
# reports, as Ansible 2.14's service_facts reads the same commands). Needs
# report.sh.

# cx_service_facts: reports `service --status-all` (sysv: when `service` is
# there and neither chkconfig nor rc-status is) and, when PID 1 is systemd,
# systemctl's list-units and list-unit-files and the ActiveState of each
# unit file systemd has no unit for.
cx_service_facts() {
  if command -v service >/dev/null 2>&1 && ! command -v chkconfig >/dev/null 2>&1 && ! command -v rc-status >/dev/null 2>&1; then
    cx_sf_err=$(mktemp) || cx_fail 'could not create a temporary file'
    cx_sf_out=$(LC_ALL=C service --status-all 2>"$cx_sf_err"); cx_report sysv_rc "$?"
    cx_report64 sysv "$cx_sf_out"; cx_report64 sysv_err "$(cat "$cx_sf_err")"; rm -f "$cx_sf_err"
  fi
  grep -q systemd /proc/1/comm 2>/dev/null || { cx_report 'done' 1; return 0; }
  cx_sf_ctl=$(PATH="$PATH:/usr/bin:/usr/local/bin" command -v systemctl) || { cx_report 'done' 1; return 0; }
  cx_sf_units=$(LC_ALL=C "$cx_sf_ctl" list-units --no-pager --type service --all 2>&1) && cx_report64 units "$cx_sf_units"
  cx_sf_files=$(LC_ALL=C "$cx_sf_ctl" list-unit-files --no-pager --type service --all 2>&1) && cx_report64 files "$cx_sf_files"
  cx_sf_known=$(printf '%s\n' "$cx_sf_units" | awk '/\.service/ { sub(/^[^a-zA-Z0-9@_.:\\-]+/, ""); print $1 }')
  cx_report64 states "$(printf '%s\n' "$cx_sf_files" | awk '/\.service/ { print $1 }' | while read -r cx_sf_name; do
    printf '%s\n' "$cx_sf_known" | grep -qxF "$cx_sf_name" && continue
    printf '%s %s\n' "$cx_sf_name" "$(LC_ALL=C "$cx_sf_ctl" show "$cx_sf_name" --property=ActiveState 2>/dev/null)"
  done)"
  cx_report 'done' 1
}
