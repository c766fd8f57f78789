# The stand-in RPM world the rpm and dnf stand-ins share (sourced). It lives
# in $CXPLAY_STANDIN_STATE, filled from fixtures/rpm-* the first time a
# stand-in runs there: `rpmdb` (installed packages: name, epoch, version,
# release, arch, reason, tab-separated), `rpm-available` (what the
# repositories offer: name, epoch, version, release, arch, repo id,
# advisory type or -), `rpm-repos` (repo id, enabled 1/0, name),
# `rpm-groups` (comps groups: id, name, member package names) and `calls`
# (every command line the stand-ins were given, one a line). Versions are
# compared with dpkg --compare-versions on EPOCH:VERSION-RELEASE (rpmvercmp
# orders the versions of the fixtures the same way). No dependency is
# modelled.

# rpm_start COMMAND ARGS...: checks the state dir, fills it once, records the call.
rpm_start() {
  if [ -z "${CXPLAY_STANDIN_STATE:-}" ] || [ ! -d "$CXPLAY_STANDIN_STATE" ]; then
    printf '%s: stand-in without a state (set CXPLAY_STANDIN_STATE to a directory)\n' "$1" >&2
    exit 99
  fi
  db=$CXPLAY_STANDIN_STATE
  lib=$(dirname "$0")/lib
  for rpm_file in rpm-installed:rpmdb rpm-available:rpm-available rpm-repos:rpm-repos rpm-groups:rpm-groups; do
    [ -f "$db/${rpm_file#*:}" ] || cp "$lib/../fixtures/${rpm_file%%:*}" "$db/${rpm_file#*:}"
  done
  printf '%s\n' "$*" >> "$db/calls"
}

# rpm_awk PROGRAM FILE...: awk (tab-separated fields) running PROGRAM
# after the shared functions of lib/rpm.awk; the program reads its
# parameters from the environment (ENVIRON), exported by the caller.
rpm_awk() {
  rpm_prog=$1; shift
  awk -F '	' "$(cat "$lib/rpm.awk")
$rpm_prog" "$@"
}
