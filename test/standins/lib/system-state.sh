# Shared by the system stand-ins (sysctl, mount, umount,
# hostname, hostnamectl): their state is files in $CXPLAY_STANDIN_STATE,
# and every command line they are given is added to its `calls` file, one a
# line. Sourced, not run.

# sys_start ARGS...: checks the state dir and records the call. A stand-in
# without its state refuses to run rather than touch the machine.
sys_start() {
  if [ -z "${CXPLAY_STANDIN_STATE:-}" ] || [ ! -d "$CXPLAY_STANDIN_STATE" ]; then
    printf '%s: stand-in without a state (set CXPLAY_STANDIN_STATE to a directory)\n' "${0##*/}" >&2
    exit 99
  fi
  state=$CXPLAY_STANDIN_STATE
  printf '%s %s\n' "${0##*/}" "$*" >>"$state/calls"
}

# refuse CODE MESSAGE: an invocation the stand-in does not understand ends
# with MESSAGE and CODE, as the real command ends on a bad option.
refuse() { printf '%s: %s\n' "${0##*/}" "$2" >&2; exit "$1"; }
