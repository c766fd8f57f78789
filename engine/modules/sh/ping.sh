# ping: the host runs a module script and answers. Needs report.sh.

# cx_ping DATA: reports `ping` as DATA. DATA `crash` ends the script the way
# Ansible's ping raises an exception (a message on stderr, exit status 1), so
# a playbook can try its failure handling.
cx_ping() {
  if [ "$1" = crash ]; then
    printf 'Exception: boom\n' >&2
    exit 1
  fi
  cx_report64 ping "$1"
}
