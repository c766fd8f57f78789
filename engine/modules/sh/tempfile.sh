# The tempfile module (engine/modules/tempfile.ts builds the call): a new
# file or directory with a random name that only its creator can use, as
# Python's mkstemp and mkdtemp make them. Needs report.sh and attributes.sh.

# cx_tempfile_task STATE DIR PREFIX SUFFIX: creates a file (STATE file,
# mode 0600) or directory (STATE directory, 0700), less the umask, named
# PREFIX, eight random characters of [a-z0-9_] and SUFFIX, in DIR (empty: the
# system's temporary directory; ~ at its start: the home directory), and
# reports its path and attributes; fails with Python's message when DIR is
# unusable.
cx_tempfile_task() {
  cx_tempfile_dir=$2
  # shellcheck disable=SC2088 # the tilde is matched, not expanded
  case $cx_tempfile_dir in '~' | '~/'*) cx_tempfile_dir="$HOME${cx_tempfile_dir#\~}" ;; esac
  [ -n "$cx_tempfile_dir" ] || cx_tempfile_default_dir
  # mkstemp's paths are absolute and normalized, mkdtemp's as given.
  [ "$1" = file ] && cx_tempfile_absolute
  cx_tries=0
  while [ "$cx_tries" -lt 100 ]; do
    cx_tempfile_name
    cx_path="${cx_tempfile_dir%/}/$3$cx_name$4"
    [ "$cx_tempfile_dir" = / ] && cx_path="/$3$cx_name$4"
    if (umask "$(printf '%o' $(( 0$(umask) | 077 )))"; if [ "$1" = directory ]; then mkdir -- "$cx_path"; else set -C; : > "$cx_path"; fi) 2>/dev/null; then
      cx_report64 path "$cx_path"; cx_report_attributes "$cx_path"
      return 0
    fi
    cx_tempfile_error
    cx_tries=$(( cx_tries + 1 ))
  done
  cx_fail "[Errno 17] No usable temporary file name found"
}

# cx_tempfile_error: fails as Python does when cx_path could not be created
# for another reason than an existing name.
cx_tempfile_error() {
  if [ -e "$cx_path" ] || [ -L "$cx_path" ]; then return 0
  elif [ ! -e "$cx_tempfile_dir" ]; then cx_fail "[Errno 2] No such file or directory: '$cx_path'"
  elif [ ! -d "$cx_tempfile_dir" ]; then cx_fail "[Errno 20] Not a directory: '$cx_path'"
  else cx_fail "[Errno 13] Permission denied: '$cx_path'"; fi
}

# cx_tempfile_default_dir: sets cx_tempfile_dir to the first of TMPDIR,
# TEMP, TMP, /tmp, /var/tmp, /usr/tmp and the working directory that is a
# directory this shell can write to (Python's gettempdir).
cx_tempfile_default_dir() {
  for cx_tempfile_dir in "${TMPDIR:-}" "${TEMP:-}" "${TMP:-}" /tmp /var/tmp /usr/tmp "$PWD"; do
    [ -n "$cx_tempfile_dir" ] && [ -d "$cx_tempfile_dir" ] && [ -w "$cx_tempfile_dir" ] && return 0
  done
  cx_fail "[Errno 2] No usable temporary directory found"
}

# cx_tempfile_absolute: makes cx_tempfile_dir absolute and normalized
# (Python's os.path.abspath: no //, . or .., without following links).
cx_tempfile_absolute() {
  case $cx_tempfile_dir in /*) cx_t=$cx_tempfile_dir ;; *) cx_t="$PWD/$cx_tempfile_dir" ;; esac
  cx_tempfile_dir=
  cx_ifs=$IFS; IFS=/; set -f
  for cx_part in $cx_t; do
    case $cx_part in
      '' | .) ;;
      ..) cx_tempfile_dir=${cx_tempfile_dir%/*} ;;
      *) cx_tempfile_dir="$cx_tempfile_dir/$cx_part" ;;
    esac
  done
  IFS=$cx_ifs; set +f
  [ -n "$cx_tempfile_dir" ] || cx_tempfile_dir=/
}

# cx_tempfile_name: sets cx_name to eight random characters of [a-z0-9_].
cx_tempfile_name() { cx_name=$(LC_ALL=C tr -dc 'a-z0-9_' < /dev/urandom | head -c 8); }
