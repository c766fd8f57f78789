# The apt module (engine/modules/apt.ts sets the apt_* variables and calls
# cx_apt_task), as Ansible 2.14's apt decides, with apt-get, apt-cache,
# apt-mark and dpkg instead of python-apt. Needs report.sh and pkg.sh. The
# script reports `kind` (which of Ansible's exits it took: cache,
# install, remove, upgrade, cleanup) and what that exit returns.
# shellcheck disable=SC2154 # apt_* are set by apt.ts, cx_pkg_* by pkg.sh

# cx_apt_task SPEC...: each package as three words (name, `=`, `>=` or
# empty, version). Ends the script.
cx_apt_task() {
  # Lists are split on commas and newlines below: never expand a glob in them.
  set -f
  apt_get=$(command -v apt-get) || cx_fail "Failed to find required executable \"apt-get\" in paths: $PATH"
  $apt_clean && cx_apt_clean
  cx_apt_cache "$#"
  [ -n "$apt_upgrade" ] && cx_apt_upgrade "$apt_upgrade"
  [ -n "$apt_deb" ] && cx_apt_deb
  $apt_all && cx_apt_upgrade yes
  if [ $# -eq 0 ]; then
    $apt_autoclean && cx_apt_cleanup autoclean
    $apt_autoremove && cx_apt_cleanup autoremove
  fi
  case $apt_state in
    absent) cx_apt_remove "$@" ;;
    *) cx_apt_install "$@" ;;
  esac
}

# cx_apt_clean: apt-get clean. (Ansible means to end the task here when it
# asks for nothing else, but tests `upgrade`, which defaults to `no`, so
# it never does.)
cx_apt_clean() {
  cx_pkg_run apt-get clean
  [ "$cx_pkg_rc" = 0 ] || { cx_report64 stdout "$cx_pkg_out"; cx_report rc "$cx_pkg_rc"; cx_fail 'apt-get clean failed'; }
  [ -z "$cx_pkg_err" ] || { cx_report64 stdout "$cx_pkg_out"; cx_report rc "$cx_pkg_rc"; cx_fail "apt-get clean failed: $cx_pkg_err"; }
}

# cx_apt_cache_time: the time apt's lists were last updated (Ansible looks
# at the same two places), in cx_apt_time.
cx_apt_cache_time() {
  cx_apt_time=0
  for cx_apt_p in /var/lib/apt/periodic/update-success-stamp /var/lib/apt/lists; do
    [ -e "$cx_apt_p" ] && { cx_apt_time=$(stat -c %Y "$cx_apt_p"); return 0; }
  done
}

# cx_apt_cache COUNT: updates the lists when asked to and they are older
# than cache_valid_time; reports cache_updated and cache_update_time. The
# task ends here when it asks for nothing else.
cx_apt_cache() {
  cx_apt_cache_time; apt_updated=0
  if $apt_update || [ "$apt_valid" -gt 0 ]; then
    if [ $((cx_apt_time + apt_valid)) -lt "$(date +%s)" ]; then
      if ! $apt_check; then
        cx_pkg_run apt-get update
        [ "$cx_pkg_rc" = 0 ] || cx_fail "Failed to update apt cache: ${cx_pkg_err:-unknown reason}"
      fi
      cx_apt_before=$cx_apt_time; cx_apt_cache_time
      if $apt_check || [ "$cx_apt_before" != "$cx_apt_time" ]; then apt_updated=1; fi
    fi
    cx_report cache_updated "$apt_updated"; cx_report cache_update_time "$cx_apt_time"
    [ "$1" = 0 ] && [ -z "$apt_upgrade" ] && [ -z "$apt_deb" ] && ! $apt_all && cx_apt_end cache "$apt_updated"
  fi
  cx_report cache_updated "$apt_updated"; cx_report cache_update_time "$cx_apt_time"
}

# cx_apt_end KIND CHANGED: reports which exit the task took and ends it.
cx_apt_end() { cx_report kind "$1"; cx_report changed "$2"; exit 0; }

# cx_apt_status NAME: what apt-cache policy says of NAME: apt_known (0: apt
# does not know it), apt_have (the installed version, or empty), apt_cand
# (the candidate) and apt_table (every version, newest first, one a line).
cx_apt_status() {
  cx_apt_policy=$(LANG=C LC_ALL=C apt-cache policy "$1" 2>/dev/null)
  apt_known=0 apt_have='' apt_cand='' apt_table=''
  [ -n "$cx_apt_policy" ] || return 0
  apt_known=1
  apt_have=$(printf '%s\n' "$cx_apt_policy" | sed -n 's/^  Installed: //p')
  apt_cand=$(printf '%s\n' "$cx_apt_policy" | sed -n 's/^  Candidate: //p')
  [ "$apt_have" = '(none)' ] && apt_have=''
  [ "$apt_cand" = '(none)' ] && apt_cand=''
  apt_table=$(printf '%s\n' "$cx_apt_policy" | sed -n 's/^ \(\*\*\*\|   \) \([^ ]*\) -\{0,1\}[0-9]*$/\2/p')
}

# cx_apt_best CMP VERSION: the version apt would install (apt_best): the
# newest matching the glob VERSION for `=` (a pin above all others), else
# the candidate.
cx_apt_best() {
  apt_best=$apt_cand
  [ "$1" = '=' ] || return 0
  apt_best=''
  for cx_apt_v in $apt_table; do cx_pkg_glob "$cx_apt_v" "$2" && { apt_best=$cx_apt_v; return 0; }; done
  return 0
}

# cx_apt_satisfies VERSION CMP WANTED: whether VERSION meets the spec.
cx_apt_satisfies() {
  case $2 in
    '=') cx_pkg_glob "$1" "$3" ;;
    '>=') dpkg --compare-versions "$1" ge "$3" ;;
    *) return 0 ;;
  esac
}

# cx_apt_plan_install SPEC...: the name=version words apt-get must
# install (apt_list, one a line) and every name asked for (apt_names), as
# Ansible's install() picks them; fails like it for an unknown package.
cx_apt_plan_install() {
  apt_list='' apt_names=''
  while [ $# -ge 3 ]; do
    cx_apt_name=$1 cx_apt_cmp=$2 cx_apt_ver=$3; shift 3
    if [ "$apt_state" = build-dep ]; then apt_list="$apt_list$cx_apt_name$cx_apt_cmp$cx_apt_ver$cx_nl"; continue; fi
    apt_names="$apt_names $cx_apt_name"
    cx_apt_status "$cx_apt_name"
    [ "$apt_known" = 1 ] || cx_fail "No package matching '$cx_apt_name' is available"
    cx_apt_best "$cx_apt_cmp" "$cx_apt_ver"
    cx_apt_good=false cx_apt_installable=''
    if [ -n "$apt_have" ]; then
      cx_apt_satisfies "$apt_have" "$cx_apt_cmp" "$cx_apt_ver" && cx_apt_good=true
      [ -n "$apt_best" ] && [ "$apt_have" != "$apt_best" ] && cx_apt_satisfies "$apt_best" "$cx_apt_cmp" "$cx_apt_ver" && cx_apt_installable=$apt_best
    else
      cx_apt_installable=$apt_best
    fi
    [ -z "$apt_have" ] && $apt_only_upgrade && continue
    if ! $cx_apt_good && [ -z "$cx_apt_installable" ]; then
      cx_report kind install; cx_fail "no available installation candidate for $cx_apt_name$cx_apt_cmp$cx_apt_ver"
    fi
    if [ -n "$cx_apt_installable" ] && { [ -z "$apt_have" ] || [ "$apt_state" = latest ] || ! $cx_apt_good; }; then
      apt_list="$apt_list$cx_apt_name=$cx_apt_installable$cx_nl"
    elif $cx_apt_good && [ -n "$cx_apt_installable" ] && [ "$cx_apt_cmp" = '=' ]; then
      apt_list="$apt_list$cx_apt_name=$cx_apt_ver$cx_nl"
    fi
  done
}

# cx_apt_common_options: apt-get's dpkg options (-o words) as positional
# words in cx_apt_dpkg, and as Ansible writes them in messages.
cx_apt_dpkg_options() {
  cx_apt_dpkg_shown=''
  cx_apt_old_ifs=$IFS; IFS=,
  for cx_apt_o in $apt_dpkg; do cx_apt_dpkg_shown="$cx_apt_dpkg_shown -o \"Dpkg::Options::=--$cx_apt_o\""; done
  IFS=$cx_apt_old_ifs
  cx_apt_dpkg_shown=${cx_apt_dpkg_shown# }
}

# cx_apt_flag ON WORD: WORD when ON is true, else nothing (Ansible's way
# of writing its command lines, kept for its messages).
cx_apt_flag() { if $1; then printf '%s' "$2"; fi; }

# cx_apt_install SPEC...: installs (upgrades, build-deps) what needs it
# with one apt-get call, then marks the packages manual.
cx_apt_install() {
  cx_apt_plan_install "$@"
  if [ -z "$apt_list" ]; then
    cx_apt_mark_manual
    cx_apt_end install 0
  fi
  cx_apt_dpkg_options
  cx_apt_op=install cx_apt_extra=''
  [ "$apt_state" = build-dep ] && cx_apt_op=build-dep
  [ "$apt_state" = fixed ] && cx_apt_extra=' --fix-broken'
  cx_apt_quoted=''
  cx_apt_old_ifs=$IFS; IFS=$cx_nl
  for cx_apt_w in $apt_list; do cx_apt_quoted="$cx_apt_quoted '$cx_apt_w'"; done
  IFS=$cx_apt_old_ifs
  # Ansible's command line, spaces and all, for its failure message.
  cx_apt_shown="$apt_get -y $cx_apt_dpkg_shown $(cx_apt_flag "$apt_only_upgrade" --only-upgrade) ${cx_apt_extra# } $(cx_apt_flag "$apt_force" --force-yes)"
  [ "$cx_apt_op" = install ] && cx_apt_shown="$cx_apt_shown $(cx_apt_flag "$apt_autoremove" --auto-remove)"
  cx_apt_shown="$cx_apt_shown $(cx_apt_flag "$apt_fail_autoremove" --no-remove) $(cx_apt_flag "$apt_check" --simulate) $cx_apt_op$cx_apt_quoted"
  [ -n "$apt_release" ] && cx_apt_shown="$cx_apt_shown -t '$apt_release'"
  [ -n "$apt_recommends" ] && cx_apt_shown="$cx_apt_shown -o APT::Install-Recommends=$apt_recommends"
  cx_apt_shown="$cx_apt_shown$(cx_apt_flag "$apt_allow_unauth" ' --allow-unauthenticated')$(cx_apt_flag "$apt_allow_downgrade" ' --allow-downgrades')$(cx_apt_flag "$apt_allow_held" ' --allow-change-held-packages')"
  cx_apt_run_get
  cx_pkg_report_run
  cx_apt_get_rc=$cx_pkg_rc cx_apt_get_err=$cx_pkg_err
  # Ansible marks the packages manual even when apt-get failed.
  [ "$apt_state" = build-dep ] || cx_apt_mark_manual
  if [ "$cx_apt_get_rc" != 0 ]; then cx_report kind install; cx_fail "'$cx_apt_shown' failed: $cx_apt_get_err"; fi
  cx_apt_changed=1
  [ "$apt_state" = build-dep ] && case $cx_pkg_out in *"${cx_nl}0 upgraded, 0 newly installed"*) cx_apt_changed=0 ;; esac
  cx_apt_end install "$cx_apt_changed"
}

# cx_apt_run_get: apt-get cx_apt_op on apt_list (one a line) with the
# task's options, as Ansible calls it.
cx_apt_run_get() {
  set -- -y
  cx_apt_old_ifs=$IFS; IFS=,
  for cx_apt_o in $apt_dpkg; do set -- "$@" -o "Dpkg::Options::=--$cx_apt_o"; done
  IFS=$cx_nl
  $apt_only_upgrade && set -- "$@" --only-upgrade
  [ "$apt_state" = fixed ] && set -- "$@" --fix-broken
  $apt_force && set -- "$@" --force-yes
  [ "$cx_apt_op" = install ] && $apt_autoremove && set -- "$@" --auto-remove
  $apt_fail_autoremove && set -- "$@" --no-remove
  $apt_check && set -- "$@" --simulate
  set -- "$@" "$cx_apt_op"
  for cx_apt_w in $apt_list; do set -- "$@" "$cx_apt_w"; done
  IFS=$cx_apt_old_ifs
  [ -n "$apt_release" ] && set -- "$@" -t "$apt_release"
  [ -n "$apt_recommends" ] && set -- "$@" -o "APT::Install-Recommends=$apt_recommends"
  $apt_allow_unauth && set -- "$@" --allow-unauthenticated
  $apt_allow_downgrade && set -- "$@" --allow-downgrades
  $apt_allow_held && set -- "$@" --allow-change-held-packages
  cx_apt_policy_run "$apt_get" "$@"
}

# cx_apt_policy_run PROGRAM ARGS...: cx_pkg_run, with /usr/sbin/policy-rc.d
# made to exit apt_policy (policy_rc_d; none when empty) while it runs, as
# Ansible's PolicyRcD does around each apt-get and dpkg call (in check mode
# too): one already there is moved aside into a temp directory and back
# after; else the file is removed after.
cx_apt_policy_run() {
  [ -n "$apt_policy" ] || { cx_pkg_run "$@"; return; }
  cx_apt_policy=/usr/sbin/policy-rc.d cx_apt_policy_kept=''
  if [ -e "$cx_apt_policy" ]; then
    cx_apt_policy_kept=$(mktemp -d "${TMPDIR:-/tmp}/ansibleXXXXXXXX") || cx_fail "Fail to move $cx_apt_policy to a temp directory"
    mv -- "$cx_apt_policy" "$cx_apt_policy_kept/" || cx_fail "Fail to move $cx_apt_policy to $cx_apt_policy_kept"
  fi
  { printf '#!/bin/sh\nexit %d\n' "$apt_policy" >"$cx_apt_policy" && chmod 0755 "$cx_apt_policy"; } 2>/dev/null || cx_fail "Failed to create or chmod $cx_apt_policy"
  cx_pkg_run "$@"
  if [ -n "$cx_apt_policy_kept" ]; then
    { mv -- "$cx_apt_policy_kept/policy-rc.d" "$cx_apt_policy" && rmdir -- "$cx_apt_policy_kept"; } 2>/dev/null || cx_fail "Fail to move back $cx_apt_policy_kept/policy-rc.d to $cx_apt_policy"
  else
    rm -f -- "$cx_apt_policy" 2>/dev/null || cx_fail "Fail to remove $cx_apt_policy (after package manipulation)"
  fi
}

# cx_apt_mark_manual: marks the packages asked for as installed by hand
# (not in check mode), as Ansible does after every install.
cx_apt_mark_manual() {
  $apt_check && return 0
  [ -n "$apt_names" ] || return 0
  cx_apt_mark=$(command -v apt-mark) || { cx_report warning 'Could not find apt-mark binary, not marking package(s) as manually installed.'; return 0; }
  # shellcheck disable=SC2086 # the names are words
  cx_pkg_run "$cx_apt_mark" manual $apt_names
  [ "$cx_pkg_rc" = 0 ] || { cx_pkg_report_run; cx_fail "'$cx_apt_mark manual${apt_names}' failed: $cx_pkg_err"; }
}

# cx_apt_remove SPEC...: removes (purges) the packages that are installed
# (or, purging, left their files) with one apt-get call.
cx_apt_remove() {
  apt_list=''
  while [ $# -ge 3 ]; do
    cx_apt_status "$1"
    if [ -n "$apt_have" ] && cx_apt_satisfies "$apt_have" "$2" "$3"; then apt_list="$apt_list$1$2$3$cx_nl"
    elif $apt_purge && [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = config-files ]; then apt_list="$apt_list$1$2$3$cx_nl"; fi
    shift 3
  done
  [ -n "$apt_list" ] || cx_apt_end remove 0
  set -- -q -y
  cx_apt_old_ifs=$IFS; IFS=,
  for cx_apt_o in $apt_dpkg; do set -- "$@" -o "Dpkg::Options::=--$cx_apt_o"; done
  IFS=$cx_apt_old_ifs
  $apt_purge && set -- "$@" --purge
  $apt_force && set -- "$@" --force-yes
  $apt_autoremove && set -- "$@" --auto-remove
  $apt_check && set -- "$@" --simulate
  set -- "$@" remove
  cx_apt_shown=''
  IFS=$cx_nl
  for cx_apt_w in $apt_list; do set -- "$@" "$cx_apt_w"; cx_apt_shown="$cx_apt_shown '$cx_apt_w'"; done
  IFS=$cx_apt_old_ifs
  cx_apt_policy_run "$apt_get" "$@"
  cx_pkg_report_run
  [ "$cx_pkg_rc" = 0 ] || cx_fail "'apt-get remove${cx_apt_shown# }' failed: $cx_pkg_err"
  cx_apt_end remove 1
}

# cx_apt_upgrade MODE: upgrades every package (dist, full, safe or yes), with
# aptitude when it is there and apt-get is not forced, as Ansible does.
cx_apt_upgrade() {
  cx_apt_mode=$1 cx_apt_tool=$apt_get cx_apt_aptitude=$(command -v aptitude) || cx_apt_aptitude=''
  cx_apt_use_get=$apt_force_apt_get; [ -n "$cx_apt_aptitude" ] || cx_apt_use_get=true
  cx_apt_dpkg_options
  set -- -y
  cx_apt_old_ifs=$IFS; IFS=,
  for cx_apt_o in $apt_dpkg; do set -- "$@" -o "Dpkg::Options::=--$cx_apt_o"; done
  IFS=$cx_apt_old_ifs
  cx_apt_auto=''; $apt_autoremove && cx_apt_auto=--auto-remove
  case $cx_apt_mode in
    dist) cx_apt_words="dist-upgrade $cx_apt_auto" ;;
    full) if $cx_apt_use_get; then cx_apt_words="dist-upgrade $cx_apt_auto"; else cx_apt_tool=$cx_apt_aptitude cx_apt_words=full-upgrade; fi ;;
    *) if $cx_apt_use_get; then cx_apt_words="upgrade --with-new-pkgs $cx_apt_auto"; else cx_apt_tool=$cx_apt_aptitude cx_apt_words=safe-upgrade; fi ;;
  esac
  if $apt_force; then if [ "$cx_apt_tool" = "$apt_get" ]; then set -- "$@" --force-yes; else set -- "$@" --assume-yes --allow-untrusted; fi; fi
  $apt_fail_autoremove && set -- "$@" --no-remove
  $apt_allow_unauth && set -- "$@" --allow-unauthenticated
  $apt_allow_downgrade && set -- "$@" --allow-downgrades
  $apt_check && set -- "$@" --simulate
  # shellcheck disable=SC2086 # the operation's words
  set -- "$@" $cx_apt_words
  [ -n "$apt_release" ] && set -- "$@" -t "$apt_release"
  cx_apt_policy_run "$cx_apt_tool" "$@"
  cx_report64 stdout "$cx_pkg_out"; cx_report rc "$cx_pkg_rc"
  [ "$cx_pkg_rc" = 0 ] || cx_fail "'$cx_apt_tool $cx_apt_words' failed: $cx_pkg_err"
  cx_report64 stderr "$cx_pkg_err"
  case $cx_pkg_out in
    *"${cx_nl}0 upgraded, 0 newly installed"*|*"${cx_nl}0 packages upgraded, 0 newly installed"*) cx_apt_end upgrade 0 ;;
  esac
  cx_apt_end upgrade 1
}

# cx_apt_cleanup OPERATION: apt-get autoremove or autoclean; changed when
# apt-get says it removed (deleted) something.
cx_apt_cleanup() {
  set -- "$1" -y
  cx_apt_old_ifs=$IFS; IFS=,
  for cx_apt_o in $apt_dpkg; do set -- "$@" -o "Dpkg::Options::=--$cx_apt_o"; done
  IFS=$cx_apt_old_ifs
  $apt_purge && set -- "$@" --purge
  $apt_force && set -- "$@" --force-yes
  set -- "$@" "$1"
  $apt_check && set -- "$@" --simulate
  cx_apt_operation=$1; shift
  cx_apt_policy_run "$apt_get" "$@"
  cx_pkg_report_run
  [ "$cx_pkg_rc" = 0 ] || cx_fail "'apt-get $cx_apt_operation' failed: $cx_pkg_err"
  case $cx_apt_operation:$cx_pkg_out in
    autoremove:*'The following packages will be REMOVED'*|autoclean:*'Del '*) cx_apt_end cleanup 1 ;;
  esac
  cx_apt_end cleanup 0
}

# cx_apt_deb: installs the .deb files of apt_deb (comma-separated) that are
# not installed at their version with one dpkg -i, as Ansible's install_deb
# (which reads each file's name and version with dpkg --field). python-apt's
# checks are made here: the architecture, a later version installed, and
# each dependency installed (cxplay does not install a .deb's dependencies).
cx_apt_deb() {
  cx_report kind deb
  [ "$apt_state" = present ] || cx_fail 'deb only supports state=present'
  case $apt_deb in *://*) cx_apt_fetch ;; esac
  cx_apt_dpkg=$(command -v dpkg) || cx_fail "Failed to find required executable \"dpkg\" in paths: $PATH"
  cx_apt_arch=$(dpkg --print-architecture)
  set --
  cx_apt_old_ifs=$IFS; IFS=,
  for cx_apt_file in $apt_deb; do
    IFS=$cx_apt_old_ifs
    [ -e "$cx_apt_file" ] || cx_fail "Unable to install package: E:Could not open file $cx_apt_file - open (2: No such file or directory)"
    # python-apt's words for a file too short for an ar archive's 8-byte signature (what an HTTP error leaves of a URL's download).
    [ -s "$cx_apt_file" ] || cx_fail "Unable to install package: E:read, still have 8 to read but none left"
    cx_apt_deb_field "$cx_apt_file" Architecture; cx_apt_deb_arch=$cx_apt_value
    [ -n "$cx_apt_deb_arch" ] || cx_fail 'No Architecture field in the package'
    [ "$cx_apt_deb_arch" = all ] || [ "$cx_apt_deb_arch" = "$cx_apt_arch" ] || cx_fail "Wrong architecture '$cx_apt_deb_arch' -- Run dpkg --add-architecture to add it and update afterwards"
    cx_apt_deb_field "$cx_apt_file" Package; cx_apt_deb_name=$cx_apt_value
    cx_apt_deb_field "$cx_apt_file" Version; cx_apt_deb_version=$cx_apt_value
    cx_apt_status "$cx_apt_deb_name"
    if [ -n "$apt_have" ] && dpkg --compare-versions "$cx_apt_deb_version" eq "$apt_have"; then continue; fi
    if [ -n "$apt_have" ] && dpkg --compare-versions "$apt_have" gt "$cx_apt_deb_version" && ! $apt_force && ! $apt_allow_downgrade; then
      cx_fail 'A later version is already installed'
    fi
    cx_apt_deb_field "$cx_apt_file" Depends
    cx_apt_deb_depends "$cx_apt_file" "$cx_apt_value"
    set -- "$@" "$cx_apt_file"
  done
  IFS=$cx_apt_old_ifs
  [ $# -gt 0 ] || { cx_report64 stdout "" ; cx_report64 stderr ""; cx_apt_end deb 0; }
  cx_apt_files=$*
  # dpkg's options in Ansible's order: each of dpkg_options, then --simulate, --force-all.
  cx_apt_deb_options=''
  cx_apt_old_ifs=$IFS; IFS=,
  for cx_apt_o in $apt_dpkg; do cx_apt_deb_options="$cx_apt_deb_options --$cx_apt_o"; done
  IFS=$cx_apt_old_ifs
  $apt_check && cx_apt_deb_options="$cx_apt_deb_options --simulate"
  $apt_force && cx_apt_deb_options="$cx_apt_deb_options --force-all"
  # shellcheck disable=SC2086 # dpkg's options are words without spaces
  set -- $cx_apt_deb_options -i "$@"
  cx_apt_policy_run "$cx_apt_dpkg" "$@"
  cx_pkg_report_run
  [ "$cx_pkg_rc" = 0 ] || cx_fail "dpkg$cx_apt_deb_options -i $cx_apt_files failed"
  cx_apt_end deb 1
}

# cx_apt_fetch: apt_deb, a URL (the whole of it, commas too), downloaded as
# Ansible's fetch_file does (its User-Agent, a 10 s timeout, redirects
# followed, in check mode too) into a directory of its own (the EXIT trap's
# cx_apt_fetch_cleanup removes it), named by the last part of the URL's path
# (apt_deb_name); apt_deb becomes the file. An HTTP error leaves the file
# empty, as Ansible's does; no response fails the task. Needs flags.sh and
# download.sh (with timeout, headers, curl_config and agent).
# shellcheck disable=SC2154 # cx_code and cx_response are cx_download's outputs
cx_apt_fetch() {
  cx_flags_set ''
  cx_apt_fetch_dir=$(umask 077; mktemp -d) || cx_fail "cannot create a temporary directory"
  cx_apt_fetched=$cx_apt_fetch_dir/$apt_deb_name
  if ! cx_download "$cx_apt_fetched" "$apt_deb" "the download of $apt_deb"; then
    case $cx_code in [1-9]??) : > "$cx_apt_fetched" ;; *) cx_fail "Failure downloading $apt_deb, $cx_response" ;; esac
  fi
  apt_deb=$cx_apt_fetched
}

# cx_apt_fetch_cleanup: removes cx_apt_fetch's directory, if there is one (for the EXIT trap).
cx_apt_fetch_dir=''
cx_apt_fetch_cleanup() { [ -z "$cx_apt_fetch_dir" ] || rm -rf -- "$cx_apt_fetch_dir"; }

# cx_apt_deb_field FILE FIELD: FIELD of the .deb FILE (dpkg --field), in
# cx_apt_value; fails as Ansible does when dpkg cannot read it.
cx_apt_deb_field() {
  cx_pkg_run "$cx_apt_dpkg" --field "$1" "$2"
  if [ "$cx_pkg_rc" != 0 ]; then
    cx_report64 stdout "$cx_pkg_out"; cx_report64 stderr "$cx_pkg_err"
    cx_fail "$cx_apt_dpkg --field $1 $2 failed"
  fi
  cx_apt_value=$(printf '%s' "$cx_pkg_out" | sed -e '/./,$!d')
}

# cx_apt_deb_depends FILE DEPENDS: fails unless each dependency (one of its
# alternatives) is installed; versions in the dependencies are not checked.
cx_apt_deb_depends() {
  cx_apt_rest=$2
  while [ -n "$cx_apt_rest" ]; do
    cx_apt_dep=${cx_apt_rest%%,*}
    case $cx_apt_rest in *,*) cx_apt_rest=${cx_apt_rest#*,} ;; *) cx_apt_rest='' ;; esac
    cx_apt_met=false
    for cx_apt_alt in $(printf '%s' "$cx_apt_dep" | tr '|' '\n' | sed 's/(.*//; s/:any//; s/^ *//; s/ *$//'); do
      cx_apt_status "$cx_apt_alt"
      [ -n "$apt_have" ] && { cx_apt_met=true; break; }
    done
    $cx_apt_met || cx_fail "$1 depends on $(printf '%s' "$cx_apt_dep" | sed 's/^ *//'), which is not installed: cxplay does not install a .deb's dependencies; install them first (apt: name=...)"
  done
}
