# Shared by the account stand-ins (getent, useradd, usermod, userdel,
# groupadd, groupmod, groupdel, chpasswd, chage, and libuser's luseradd,
# lusermod, luserdel, lgroupadd, lgroupmod, lgroupdel, lchage, lpasswd):
# the fake databases passwd, group and shadow
# in the directory $CXPLAY_STANDIN_STATE, in the real files' formats (so
# libnss_wrapper can serve them to Python's pwd and grp). Sourced, not run.

state=${CXPLAY_STANDIN_STATE:?CXPLAY_STANDIN_STATE names the stand-ins state directory}
passwd_db=$state/passwd group_db=$state/group shadow_db=$state/shadow
# The commands that change a database make the missing ones (empty) first.
case ${0##*/} in getent) ;; *) for db in "$passwd_db" "$group_db" "$shadow_db"; do [ -f "$db" ] || : >"$db"; done ;; esac

# die CODE MESSAGE: what the real tool does on an error.
die() { printf '%s: %s\n' "${0##*/}" "$2" >&2; exit "$1"; }

# entry DB NAME: the line of NAME in DB; fails when there is none.
entry() { awk -F: -v n="$2" '$1 == n { print; found = 1 } END { exit !found }' "$1"; }

# field DB NAME N: field N of NAME's line.
field() { entry "$1" "$2" | cut -d: -f"$3"; }

# name_of_id DB ID: the name whose id (field 3) is ID; fails when none.
name_of_id() { awk -F: -v i="$2" '$3 == i { print $1; found = 1; exit } END { exit !found }' "$1"; }

# set_field DB NAME N VALUE: NAME's field N becomes VALUE.
set_field() {
  awk -F: -v OFS=: -v n="$2" -v f="$3" -v v="$4" '$1 == n { $f = v } { print }' "$1" >"$1.new" && mv "$1.new" "$1"
}

# append DB LINE: adds LINE to DB. Every change replaces the file (a new
# inode, as shadow's tools do): libnss_wrapper reloads a file it has open
# only when its mtime second changed or the file was replaced, so an
# append in the second of its last read stayed unseen by Ansible's pwd/grp.
append() { { cat "$1"; printf '%s\n' "$2"; } >"$1.new" && mv "$1.new" "$1"; }

# drop DB NAME: removes NAME's line.
drop() { awk -F: -v n="$2" '$1 != n' "$1" >"$1.new" && mv "$1.new" "$1"; }

# next_id DB MIN MAX: one more than the highest id in MIN..MAX (MIN when none), as shadow's useradd picks.
next_id() { awk -F: -v lo="$2" -v hi="$3" 'BEGIN { m = lo - 1 } $3 >= lo && $3 <= hi && $3 > m { m = $3 } END { print m + 1 }' "$1"; }

# next_system_id DB: the highest free id under 1000, as for -r.
next_system_id() { awk -F: '{ used[$3] = 1 } END { for (i = 999; i > 100; i--) if (!(i in used)) { print i; exit } }' "$1"; }

# gid_of GROUP: the gid of GROUP given by name or number; fails when unknown.
gid_of() {
  case $1 in
    *[!0-9]*|'') field "$group_db" "$1" 3 ;;
    *) name_of_id "$group_db" "$1" >/dev/null && printf '%s\n' "$1" ;;
  esac
}

# set_members USER GROUPS: USER is a member of exactly the groups of the comma list GROUPS.
set_members() {
  awk -F: -v OFS=: -v u="$1" -v list="$2" '
    BEGIN { n = split(list, g, ","); for (i = 1; i <= n; i++) want[g[i]] = 1 }
    { k = split($4, m, ","); out = ""
      for (i = 1; i <= k; i++) if (m[i] != u && m[i] != "") out = out (out == "" ? "" : ",") m[i]
      if ($1 in want) out = out (out == "" ? "" : ",") u
      $4 = out; print }' "$group_db" >"$group_db.new" && mv "$group_db.new" "$group_db"
}

# groups_of USER: the comma list of the groups USER is a member of.
groups_of() { awk -F: -v u="$1" '{ k = split($4, m, ","); for (i = 1; i <= k; i++) if (m[i] == u) { printf "%s%s", s, $1; s = "," } }' "$group_db"; }

# group_names LIST: the comma LIST of groups (names or gids) as names; dies when one is unknown.
group_names() {
  out='' rest=$1
  while [ -n "$rest" ]; do
    one=${rest%%,*}; [ "$one" = "$rest" ] && rest= || rest=${rest#*,}
    gid=$(gid_of "$one") || die 6 "group '$one' does not exist"
    out="$out${out:+,}$(name_of_id "$group_db" "$gid")"
  done
  printf '%s\n' "$out"
}

# days_of DATE: YYYY-MM-DD as days since the epoch ('' for '').
days_of() { [ -z "$1" ] && return 0; echo $(( $(date -u -d "$1" +%s) / 86400 )); }

# bad_option: libuser's tools (luseradd, lusermod, ...) parse with popt,
# which rejects an option it does not know with this message and status 1.
bad_option() { printf 'Error parsing arguments: unknown option.\nUsage: %s [OPTION...] NAME\n' "${0##*/}" >&2; exit 1; }

# fail MESSAGE: a libuser tool's error (its messages name no program), status 1.
fail() { printf '%s\n' "$1" >&2; exit 1; }
