# The stand-in package database the apt stand-ins share (sourced by
# apt-get, apt-cache, apt-mark, dpkg, dpkg-query). It lives in
# $CXPLAY_STANDIN_STATE, made by standin-init: `status` (dpkg's database, one
# deb822 paragraph a package), `repo/Packages` (what the repository offers),
# `extended_states` (apt's auto-installed marks) and `calls` (every command
# line the stand-ins were given, one a line). No dependency is modelled.

# db_start COMMAND ARGS...: checks the state dir and records the call. A
# stand-in without its state refuses to run rather than touch the machine.
db_start() {
  if [ -z "${CXPLAY_STANDIN_STATE:-}" ] || [ ! -f "$CXPLAY_STANDIN_STATE/status" ]; then
    printf '%s: stand-in without a state (set CXPLAY_STANDIN_STATE to a dir made by standin-init)\n' "$1" >&2
    exit 99
  fi
  db=$CXPLAY_STANDIN_STATE
  printf '%s\n' "$*" >> "$db/calls"
}

# db_field FILE PACKAGE FIELD [VERSION]: FIELD of PACKAGE's paragraph in
# FILE (of its VERSION when given); empty when there is none.
db_field() {
  awk -v pkg="$2" -v field="$3" -v ver="${4:-}" '
    BEGIN { RS = ""; FS = "\n" }
    { name = ""; version = ""; value = ""
      for (i = 1; i <= NF; i++) {
        split($i, kv, ": ")
        if (kv[1] == "Package") name = kv[2]
        if (kv[1] == "Version") version = kv[2]
        if (kv[1] == field) value = substr($i, length(field) + 3)
      }
      if (name == pkg && (ver == "" || ver == version)) { print value; exit }
    }' "$1"
}

# db_installed PACKAGE: the version of PACKAGE installed, or nothing.
db_installed() {
  case $(db_field "$db/status" "$1" Status) in
    *' installed') db_field "$db/status" "$1" Version ;;
  esac
}

# db_newer A B: succeeds when version A is newer than B (dpkg's ordering).
db_newer() { /usr/bin/dpkg --compare-versions "$1" gt "$2"; }

# db_versions PACKAGE: the versions the repository offers, newest first
# (repo/Packages lists each package's versions oldest first).
db_versions() {
  awk -v pkg="$1" 'BEGIN { RS = ""; FS = "\n" }
    { name = ""; version = ""
      for (i = 1; i <= NF; i++) { split($i, kv, ": "); if (kv[1] == "Package") name = kv[2]; if (kv[1] == "Version") version = kv[2] }
      if (name == pkg) found[++n] = version }
    END { for (i = n; i > 0; i--) print found[i] }' "$db/repo/Packages"
}

# db_candidate PACKAGE: the version apt would install: the newest the
# repository offers, or the installed one when that is newer.
db_candidate() {
  db_best=$(db_versions "$1" | head -n 1)
  db_have=$(db_installed "$1")
  if [ -n "$db_have" ] && { [ -z "$db_best" ] || db_newer "$db_have" "$db_best"; }; then db_best=$db_have; fi
  printf '%s' "$db_best"
}

# db_known PACKAGE: succeeds when apt knows PACKAGE (offered or in status).
db_known() { [ -n "$(db_field "$db/repo/Packages" "$1" Package)" ] || [ -n "$(db_field "$db/status" "$1" Package)" ]; }

# db_without FILE PACKAGE: FILE (deb822) without PACKAGE's paragraph.
db_without() {
  awk -v pkg="$2" 'BEGIN { RS = ""; FS = "\n"; ORS = "\n\n" } { for (i = 1; i <= NF; i++) if ($i == "Package: " pkg) next; print }' "$1" > "$1.new"
  mv "$1.new" "$1"
}

# db_drop PACKAGE: forgets PACKAGE was installed (a purge).
db_drop() { db_without "$db/status" "$1"; }

# db_install PACKAGE VERSION: records PACKAGE VERSION installed (its
# repository paragraph, without the download fields, with a Status).
db_install() {
  db_drop "$1"
  awk -v pkg="$1" -v ver="$2" 'BEGIN { RS = ""; FS = "\n"; ORS = "\n\n" }
    { hit = 0; for (i = 1; i <= NF; i++) if ($i == "Package: " pkg) hit++; else if ($i == "Version: " ver) hit++
      if (hit < 2) next
      out = "Package: " pkg "\nStatus: install ok installed"
      for (i = 2; i <= NF; i++) if ($i !~ /^(Filename|Size|MD5sum|SHA256):/) out = out "\n" $i
      print out }' "$db/repo/Packages" >> "$db/status"
}

# db_install_control PACKAGE CONTROL: records PACKAGE installed from a
# .deb's CONTROL fields (dpkg-deb --field), with a Status.
db_install_control() {
  db_drop "$1"
  printf '%s\n' "$2" | awk 'NR == 1 { print; print "Status: install ok installed"; next } { print } END { print "" }' >> "$db/status"
}

# db_auto PACKAGE: succeeds when PACKAGE is marked installed automatically.
db_auto() { [ "$(db_field "$db/extended_states" "$1" Auto-Installed)" = 1 ]; }

# db_mark_manual PACKAGE: drops PACKAGE's automatic mark.
db_mark_manual() { db_without "$db/extended_states" "$1"; }

# db_installed_names: every installed package's name.
db_installed_names() {
  awk 'BEGIN { RS = ""; FS = "\n" } { name = ""; ok = 0
    for (i = 1; i <= NF; i++) { if ($i ~ /^Package: /) name = substr($i, 10); if ($i ~ /^Status: .* installed$/) ok = 1 }
    if (ok) print name }' "$db/status"
}

# db_upgradable: "NAME VERSION" for each installed package the repository
# has a newer VERSION of (one awk over both files, dpkg only for those).
db_upgradable() {
  awk 'BEGIN { RS = ""; FS = "\n" }
    { name = ""; version = ""; ok = 0
      for (i = 1; i <= NF; i++) { c = index($i, ": "); k = substr($i, 1, c - 1); v = substr($i, c + 2)
        if (k == "Package") name = v; if (k == "Version") version = v; if (k == "Status" && v ~ / installed$/) ok = 1 }
      if (FILENAME ~ /status$/) { if (ok) have[name] = version } else newest[name] = version }
    END { for (p in have) if (p in newest && newest[p] != have[p]) print p, have[p], newest[p] }' "$db/status" "$db/repo/Packages" |
    while read -r db_p db_have db_new; do db_newer "$db_new" "$db_have" && printf '%s %s\n' "$db_p" "$db_new"; done
}
