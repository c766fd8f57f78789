# reboot (engine/modules/reboot.ts builds the call): finds the reboot
# command in the search paths, as Ansible's reboot looks for it with find,
# and runs it. Needs command.sh's common part (its marker and
# cx_command_stop), which says when the command was not found. No
# report.sh: the command's output is the task's.

# cx_reboot BIN ARGS PATH...: runs BIN (a path, or the first PATH/BIN that
# exists) with ARGS, shell text; stops with missing when BIN is in no PATH.
cx_reboot() {
  cx_reboot_bin=$1 cx_reboot_args=$2; shift 2
  case $cx_reboot_bin in
    /*) cx_reboot_path=$cx_reboot_bin ;;
    *)
      cx_reboot_path=
      for cx_p in "$@"; do
        if [ -e "$cx_p/$cx_reboot_bin" ] || [ -L "$cx_p/$cx_reboot_bin" ]; then cx_reboot_path="$cx_p/$cx_reboot_bin"; break; fi
      done
      [ -n "$cx_reboot_path" ] || cx_command_stop missing ;;
  esac
  /bin/sh -c "\"\$0\" $cx_reboot_args" "$cx_reboot_path" </dev/null
}
