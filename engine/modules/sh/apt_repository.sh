# The apt_repository module (engine/modules/apt_repository.ts sets the ar_*
# variables and calls cx_ar_task), as Ansible 2.14's SourcesList does it,
# without python-apt: the sources are sources.list and sources.list.d/*.list
# where apt-config says (Dir::Etc::sourcelist, Dir::Etc::sourceparts), each
# line read as Ansible reads it and, when anything changes, every file written
# back normalised as Ansible writes it. Needs report.sh.
# shellcheck disable=SC2154 # ar_* are set by apt_repository.ts

cx_ar_tmp=''

# cx_ar_cleanup: removes the work directory (the script's EXIT trap).
cx_ar_cleanup() { [ -z "$cx_ar_tmp" ] || rm -rf "$cx_ar_tmp"; }

# cx_ar_task: adds (enables) or removes ar_source; reports changed and, in
# diff mode, each file's content before and after (base64, one a line).
cx_ar_task() {
  command -v apt-config >/dev/null 2>&1 || cx_fail 'Module apt_repository is not supported on target.'
  cx_ar_list='' cx_ar_parts=''
  eval "$(apt-config shell cx_ar_list Dir::Etc::sourcelist/f cx_ar_parts Dir::Etc::sourceparts/d)"
  cx_ar_parts=${cx_ar_parts%/}
  case $ar_file in */*) ;; *) ar_file=$cx_ar_parts/$ar_file ;; esac
  cx_ar_tmp=$(mktemp -d) || cx_fail 'could not create a temporary directory'
  set --
  [ -f "$cx_ar_list" ] && set -- "$cx_ar_list"
  for cx_ar_f in "$cx_ar_parts"/*.list; do [ -f "$cx_ar_f" ] && set -- "$@" "$cx_ar_f"; done
  cx_ar_found=0 cx_ar_n=0 cx_ar_target=''
  for cx_ar_f in "$@"; do
    cx_ar_n=$((cx_ar_n + 1))
    printf '%s\n' "$cx_ar_f" > "$cx_ar_tmp/$cx_ar_n.path"
    [ "$cx_ar_f" = "$ar_file" ] && cx_ar_target=$cx_ar_n
    cx_ar_found=$((cx_ar_found + $(cx_ar_rewrite "$cx_ar_f" "$cx_ar_tmp/$cx_ar_n")))
  done
  cx_ar_new=''
  if [ "$ar_state" = present ] && [ "$cx_ar_found" = 0 ]; then
    # A file not read yet (new, or not a source file) holds only the new line, as in Ansible.
    if [ -z "$cx_ar_target" ]; then
      cx_ar_n=$((cx_ar_n + 1)) cx_ar_target=$cx_ar_n
      printf '%s\n' "$ar_file" > "$cx_ar_tmp/$cx_ar_n.path"
      : > "$cx_ar_tmp/$cx_ar_n.b"; : > "$cx_ar_tmp/$cx_ar_n.a"
    fi
    printf '%s\n' "$ar_source" >> "$cx_ar_tmp/$cx_ar_target.a"
    cx_ar_new=$cx_ar_target
  fi
  cx_ar_changed=0 cx_ar_i=0
  while [ "$cx_ar_i" -lt "$cx_ar_n" ]; do
    cx_ar_i=$((cx_ar_i + 1))
    cmp -s "$cx_ar_tmp/$cx_ar_i.b" "$cx_ar_tmp/$cx_ar_i.a" || cx_ar_changed=1
  done
  cx_report changed "$cx_ar_changed"
  [ "$cx_ar_changed" = 1 ] || return 0
  $ar_diff && cx_ar_report_diffs
  $ar_check || cx_ar_save
}

# cx_ar_rewrite FILE OUT: FILE's lines as Ansible normalises them, in OUT.b
# (before) and OUT.a (after the change); prints how many lines held the
# source (present: enabled there).
cx_ar_rewrite() {
  awk -v state="$ar_state" -v wanted="$ar_source" -v before="$2.b" -v after="$2.a" '
    function strip(s) { gsub(/^[ \t\r\n\f\v]+|[ \t\r\n\f\v]+$/, "", s); return s }
    BEGIN { found = 0; printf "" > before; printf "" > after }
    { line = strip($0); enabled = 1
      if (substr(line, 1, 1) == "#") { enabled = 0; line = substr(line, 2) }
      comment = ""; i = index(line, "#")
      if (i > 1) { comment = strip(substr(line, i + 1)); line = substr(line, 1, i - 1) }
      source = strip(line); valid = 0
      if (source != "") {
        n = split(source, chunks, " ")
        if (chunks[1] == "deb" || chunks[1] == "deb-src") { valid = 1; source = chunks[1]; for (j = 2; j <= n; j++) source = source " " chunks[j] }
      }
      tail = comment == "" ? "" : " # " comment
      print (enabled ? "" : "# ") source tail > before
      if (valid && source == wanted) {
        found++
        if (state == "absent" && enabled) next
        if (state == "present") enabled = 1
      }
      print (enabled ? "" : "# ") source tail > after
    }
    END { print (state == "present" ? found : 0) }' "$1"
}

# cx_ar_report_diffs: each file before and after, as Ansible lists them (a
# file with no line is no file: /dev/null).
cx_ar_report_diffs() {
  cx_ar_diffs='' cx_ar_i=0
  while [ "$cx_ar_i" -lt "$cx_ar_n" ]; do
    cx_ar_i=$((cx_ar_i + 1))
    cx_ar_b=$cx_ar_tmp/$cx_ar_i.b cx_ar_a=$cx_ar_tmp/$cx_ar_i.a
    [ -s "$cx_ar_b" ] || [ -s "$cx_ar_a" ] || continue
    cx_ar_diffs="$cx_ar_diffs$(cat "$cx_ar_tmp/$cx_ar_i.path")	$(base64 < "$cx_ar_b" | tr -d '\n')	$(base64 < "$cx_ar_a" | tr -d '\n')$cx_nl"
  done
  cx_report64 diffs "$cx_ar_diffs"
}

# cx_ar_save: writes each changed file (a file left with no line is
# removed); then, with update_cache, apt-get
# update, putting the files back as they were when it fails.
cx_ar_save() {
  cx_ar_i=0
  while [ "$cx_ar_i" -lt "$cx_ar_n" ]; do
    cx_ar_i=$((cx_ar_i + 1))
    cx_ar_f=$(cat "$cx_ar_tmp/$cx_ar_i.path")
    [ -e "$cx_ar_f" ] && cp -p "$cx_ar_f" "$cx_ar_tmp/$cx_ar_i.orig"
    if [ ! -s "$cx_ar_tmp/$cx_ar_i.a" ]; then rm -f "$cx_ar_f"; continue; fi
    mkdir -p "$(dirname "$cx_ar_f")" || cx_fail "Failed to create directory $(dirname "$cx_ar_f")"
    cx_ar_w=$(mktemp "$(dirname "$cx_ar_f")/.$(basename "$cx_ar_f")-XXXXXXXX") || cx_fail "Unable to create temp file at \"$(dirname "$cx_ar_f")\" for apt source"
    cat "$cx_ar_tmp/$cx_ar_i.a" > "$cx_ar_w"
    # As Ansible's atomic_move: an existing file keeps its mode, a new one gets 0666 less the umask; `mode` is for the new source's file.
    if [ -e "$cx_ar_f" ]; then chmod "$(stat -c %a "$cx_ar_f")" "$cx_ar_w"; else chmod "$(printf '%o' $((0666 & ~$(umask))))" "$cx_ar_w"; fi
    [ "$cx_ar_i" = "$cx_ar_new" ] && [ -n "$ar_mode" ] && chmod "$ar_mode" "$cx_ar_w"
    mv -f "$cx_ar_w" "$cx_ar_f" || cx_fail "could not write $cx_ar_f"
  done
  $ar_update || return 0
  cx_ar_try=0 cx_ar_err=''
  while [ "$cx_ar_try" -lt "$ar_retries" ]; do
    cx_ar_err=$(apt-get update -q 2>&1 >/dev/null) && return 0
    cx_ar_delay=$((1 << cx_ar_try)); [ "$cx_ar_delay" -gt "$ar_max_delay" ] && cx_ar_delay=$ar_max_delay
    sleep "$cx_ar_delay"
    cx_ar_try=$((cx_ar_try + 1))
  done
  cx_ar_restore
  cx_fail "Failed to update apt cache: ${cx_ar_err:-unknown reason}"
}

# cx_ar_restore: the source files as they were before the task.
cx_ar_restore() {
  cx_ar_i=0
  while [ "$cx_ar_i" -lt "$cx_ar_n" ]; do
    cx_ar_i=$((cx_ar_i + 1))
    cx_ar_f=$(cat "$cx_ar_tmp/$cx_ar_i.path")
    if [ -e "$cx_ar_tmp/$cx_ar_i.orig" ]; then cp -p "$cx_ar_tmp/$cx_ar_i.orig" "$cx_ar_f"; else rm -f "$cx_ar_f"; fi
  done
}
