# The find module (engine/modules/find.ts builds the calls and does the
# matching): the host lists and stats the entries, the controller picks.
# Needs report.sh.

# cx_find_task FOLLOW MAXDEPTH FORMAT PATH...: for each PATH (a leading ~
# is the home directory) writes NUL-terminated records to stdout: `@PATH`
# (the path as expanded), then either `!MESSAGE` (it is not a directory) or,
# for every entry under it down to MAXDEPTH levels (empty: all), `E` with
# the type of what it names (d for a directory, links followed), the path
# and the path relative to PATH (three records), and `S` with its lstat
# (stat --printf FORMAT, whose last field is the path). FOLLOW true: walks
# into linked directories too.
cx_find_task() {
  cx_find_follow=$1 cx_find_depth=$2 cx_find_format=$3
  shift 3
  for cx_find_path in "$@"; do
    # shellcheck disable=SC2088 # the tilde is matched, not expanded
    case $cx_find_path in '~' | '~/'*) cx_find_path="$HOME${cx_find_path#\~}" ;; esac
    printf '@%s\0' "$cx_find_path"
    if [ ! -d "$cx_find_path" ]; then printf "!'%s' is not a directory\\0" "$cx_find_path"; continue; fi
    cx_find_walk "$cx_find_path"
  done
}

# cx_find_walk DIR: the E and S records of everything under DIR (see
# cx_find_task; reads cx_find_follow, cx_find_depth and cx_find_format).
cx_find_walk() {
  if [ "$cx_find_follow" = true ]; then set -- -L "$1"; else set -- "$1"; fi
  if [ -n "$cx_find_depth" ]; then set -- "$@" -mindepth 1 -maxdepth "$cx_find_depth"; else set -- "$@" -mindepth 1; fi
  find "$@" -printf 'E%Y\0%p\0%P\0' -exec stat --printf "$cx_find_format" -- {} + 2>/dev/null
}

# cx_find_read CHECKSUM CONTENT PATH...: for each PATH, a line `PATH_INDEX
# SHA1` when CHECKSUM is true and a line `PATH_INDEX :BASE64` of its bytes
# when CONTENT is true (the index counts the PATHs from 0; an unreadable
# file gives no line).
cx_find_read() {
  cx_find_sum=$1 cx_find_content=$2 cx_find_index=0
  shift 2
  for cx_find_file in "$@"; do
    if [ "$cx_find_sum" = true ] && cx_s=$(sha1sum < "$cx_find_file" 2>/dev/null); then printf '%s %s\n' "$cx_find_index" "${cx_s%% *}"; fi
    if [ "$cx_find_content" = true ] && cx_s=$(base64 -w0 < "$cx_find_file" 2>/dev/null); then printf '%s :%s\n' "$cx_find_index" "$cx_s"; fi
    cx_find_index=$((cx_find_index + 1))
  done
}
