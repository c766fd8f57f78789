# The dnf module (engine/modules/dnf.ts sets the dnf_* variables, defines
# cx_dnf (the dnf command with the task's global options) and calls
# cx_dnf_task), as Ansible 2.14's dnf decides, with the dnf and rpm
# commands instead of python3-dnf. Needs report.sh and pkg.sh. Reports
# `kind` (cache, list, ensure), the transaction's `results` (one a line),
# `failures`, and the dnf runs' output.
# shellcheck disable=SC2154 # dnf_* are set by dnf.ts, cx_pkg_* by pkg.sh

# cx_dnf_task WORD...: each name as two words (kind: pkg, nevr, glob, file,
# url, group; and the spec; nevr is followed by NAME and EPOCH:VERSION-RELEASE).
cx_dnf_task() {
  set -f
  # shellcheck disable=SC2034 # read by cx_dnf, which dnf.ts defines
  cx_dnf_bin=$(command -v "$dnf_tool") || cx_fail "Failed to find required executable \"$dnf_tool\" in paths: $PATH (the $dnf_module module runs the $dnf_tool command on the host)"
  if [ -n "$dnf_conf" ] && [ ! -r "$dnf_conf" ]; then cx_report conf_file "$dnf_conf"; cx_fail 'cannot read configuration file'; fi
  if [ -n "$dnf_list" ]; then cx_dnf_list; fi
  if [ "$dnf_state" = cache ]; then
    cx_dnf makecache
    [ "$cx_pkg_rc" = 0 ] || cx_fail "$(printf '%s' "$cx_pkg_err" | sed '/^$/d')"
    cx_report kind cache; exit 0
  fi
  if ! $dnf_download_only && [ "$(id -u)" != 0 ]; then cx_fail 'This command has to be run under the root user.'; fi
  cx_report kind ensure
  dnf_install='' dnf_upgrade='' dnf_remove='' dnf_messages=''
  case $dnf_state in
    all) dnf_upgrade=all ;;
    absent) cx_dnf_plan_remove "$@" ;;
    *) cx_dnf_plan_install "$@" ;;
  esac
  dnf_out='' dnf_before=$(cx_dnf_rpm -qa --qf '%{NAME}.%{ARCH}\t%{NAME}\t%{EPOCHNUM}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\n' 2>/dev/null)
  cx_dnf_transaction install "$dnf_install"
  cx_dnf_transaction upgrade "$dnf_upgrade"
  cx_dnf_transaction remove "$dnf_remove"
  if $dnf_autoremove; then cx_dnf_transaction autoremove all; fi
  cx_report64 results "$dnf_messages$(printf '%s\n' "$dnf_out" | DNF_BEFORE=$dnf_before awk -v action="$dnf_action" "$cx_dnf_results_awk")"
  cx_report64 stdout "$dnf_out"
}

# cx_dnf_rpm ARG...: rpm on the installroot's database (dnf_root; empty: the host's).
cx_dnf_rpm() {
  if [ -n "$dnf_root" ]; then rpm --root "$dnf_root" "$@"; else rpm "$@"; fi
}

# cx_dnf_installed SPEC [NAME EVR]: whether the package is installed: by
# name (or name.arch), or at EPOCH:VERSION-RELEASE when given (Ansible's
# _is_installed; a glob is taken literally).
cx_dnf_installed() {
  if [ $# -ge 3 ]; then cx_dnf_rpm -q --whatprovides "$2 = $3" >/dev/null 2>&1; else cx_dnf_rpm -q "$1" >/dev/null 2>&1; fi
}

# cx_dnf_plan_install WORD...: what dnf must install and upgrade (the
# lists dnf_install and dnf_upgrade, one a line), as Ansible's
# _mark_package_install and _update_only choose.
cx_dnf_plan_install() {
  while [ $# -ge 2 ]; do
    cx_dnf_kind=$1 cx_dnf_spec=$2; shift 2
    cx_dnf_newer=false cx_dnf_have=false
    case $cx_dnf_kind in
      nevr) cx_dnf_name=$1 cx_dnf_evr=$2; shift 2
        cx_dnf_rpm -q --whatprovides "$cx_dnf_name > $cx_dnf_evr" >/dev/null 2>&1 && cx_dnf_newer=true
        cx_dnf_installed "$cx_dnf_spec" "$cx_dnf_name" "$cx_dnf_evr" && cx_dnf_have=true ;;
      file) cx_dnf_file_status "$cx_dnf_spec" ;;
      pkg) cx_dnf_installed "$cx_dnf_spec" && cx_dnf_have=true ;;
    esac
    if $dnf_update_only; then
      if $cx_dnf_have || { [ "$cx_dnf_kind" = file ] && [ -n "$cx_dnf_file_name" ] && cx_dnf_rpm -q "$cx_dnf_file_name" >/dev/null 2>&1; }; then dnf_upgrade="$dnf_upgrade$cx_dnf_spec$cx_nl"
      else dnf_messages="${dnf_messages}Packages providing $cx_dnf_spec not installed due to update_only specified$cx_nl"; fi
      continue
    fi
    [ "$cx_dnf_kind" = file ] || [ "$cx_dnf_kind" = url ] && dnf_messages="${dnf_messages}Installed $cx_dnf_spec$cx_nl"
    if $cx_dnf_newer; then
      $dnf_allow_downgrade && dnf_install="$dnf_install$cx_dnf_spec$cx_nl"
    elif $cx_dnf_have; then
      [ "$dnf_state" = latest ] && dnf_upgrade="$dnf_upgrade$cx_dnf_spec$cx_nl"
    else
      dnf_install="$dnf_install$cx_dnf_spec$cx_nl"
    fi
  done
}

# cx_dnf_file_status FILE: for a local .rpm, whether that version or a
# newer one is installed (cx_dnf_have, cx_dnf_newer), and its name.
cx_dnf_file_status() {
  cx_dnf_file_name=''
  cx_dnf_file=$(rpm -qp --qf '%{NAME}\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\n' "$1" 2>/dev/null) || cx_fail "Error occurred attempting remote rpm install of package: $1. Can not load RPM file: $1."
  cx_dnf_file_name=${cx_dnf_file%%	*}
  cx_dnf_rpm -q --whatprovides "$cx_dnf_file_name > ${cx_dnf_file#*	}" >/dev/null 2>&1 && cx_dnf_newer=true
  cx_dnf_rpm -q --whatprovides "$cx_dnf_file_name = ${cx_dnf_file#*	}" >/dev/null 2>&1 && cx_dnf_have=true
  return 0
}

# cx_dnf_plan_remove WORD...: the installed packages to remove (dnf_remove);
# a glob that matches nothing installed is a message, not a failure.
cx_dnf_plan_remove() {
  while [ $# -ge 2 ]; do
    cx_dnf_kind=$1 cx_dnf_spec=$2; shift 2
    case $cx_dnf_kind in
      nevr) cx_dnf_installed "$cx_dnf_spec" "$1" "$2" && dnf_remove="$dnf_remove$cx_dnf_spec$cx_nl"; shift 2 ;;
      glob) if [ -n "$(cx_dnf_rpm -qa "$cx_dnf_spec" 2>/dev/null)" ]; then dnf_remove="$dnf_remove$cx_dnf_spec$cx_nl"
            else dnf_messages="${dnf_messages}$cx_dnf_spec is not installed$cx_nl"; fi ;;
      group) dnf_remove="$dnf_remove$cx_dnf_spec$cx_nl" ;;
      *) cx_dnf_installed "$cx_dnf_spec" && dnf_remove="$dnf_remove$cx_dnf_spec$cx_nl" ;;
    esac
  done
}

# cx_dnf_transaction COMMAND LIST: runs dnf COMMAND on the specs of LIST
# (one a line; `all`: no spec), -y or, in check mode, --assumeno; keeps
# its output for the results; fails as Ansible does when dnf does.
cx_dnf_transaction() {
  [ -n "$2" ] || return 0
  cx_dnf_old_ifs=$IFS; IFS=$cx_nl
  # shellcheck disable=SC2086 # the specs, one a line
  set -- "$1" $2
  IFS=$cx_dnf_old_ifs
  [ "$2" = all ] && set -- "$1"
  if $dnf_check; then cx_dnf --assumeno "$@"; else cx_dnf -y "$@"; fi
  case $cx_pkg_err in *'You have enabled checking of packages via GPG keys'*) cx_dnf_unsigned "$@" ;; esac
  dnf_out="$dnf_out$cx_pkg_out"
  cx_dnf_group=$(printf '%s\n' "$cx_pkg_out$cx_pkg_err" | sed -n "s/^Module or Group '\\(.*\\)' is not available\\.\$/\\1/p" | head -n 1)
  [ -z "$cx_dnf_group" ] || cx_fail "No group $cx_dnf_group available."
  cx_dnf_missing=$(printf '%s\n%s\n' "$cx_pkg_out" "$cx_pkg_err" | sed -n -e "$cx_dnf_excluded_sed" -e "$(cx_dnf_no_match_sed "$1")")
  if [ -z "$cx_dnf_missing" ] && [ "$cx_pkg_rc" != 0 ] && [ "$1" = install ] && cx_dnf_no_repos; then
    # dnf refuses to install with no repository enabled; Ansible's dnf finds none of the packages.
    shift; cx_dnf_missing=$(printf 'No package %s available.\n' "$@")
  fi
  if [ -n "$cx_dnf_missing" ] && [ "$1" != remove ]; then
    cx_report64 failures "$cx_dnf_missing"; cx_report rc 1
    cx_fail 'Failed to install some of the specified packages'
  fi
  [ "$cx_pkg_rc" = 0 ] && return 0
  # With no repository enabled there is nothing to upgrade to (Ansible's dnf: nothing to do).
  [ "$1" = upgrade ] && cx_dnf_no_repos && return 0
  case $cx_pkg_err in
    *Error*) ;;
    *'Operation aborted.'*) $dnf_check && return 0 ;;
  esac
  cx_report rc 1; cx_report64 stderr "$cx_pkg_err"
  case $cx_pkg_out$cx_pkg_err in
    *Problem*) cx_fail "Depsolve Error occurred: $(printf '%s' "$cx_pkg_err" | sed '/^$/d')" ;;
  esac
  cx_fail "Unknown Error occurred: $(printf '%s' "$cx_pkg_err" | sed '/^$/d')"
}

# cx_dnf_unsigned COMMAND SPEC...: dnf refused the transaction before
# planning it, as it does for a repository with gpgcheck and no gpgkey;
# Ansible's dnf plans it (check mode ends there), downloads the packages
# and then fails on the first (in sack order) whose signature it cannot
# check. So: in check mode, the plan without the check; else the packages
# downloaded without it to a temporary directory and the first unsigned one
# named as Ansible does. A signed package leaves dnf's refusal the failure.
cx_dnf_unsigned() {
  if $dnf_check; then cx_dnf --nogpgcheck --assumeno "$@"; return 0; fi
  cx_dnf_refusal=$cx_pkg_err cx_dnf_refusal_rc=$cx_pkg_rc
  cx_dnf_gpg_dir=$(mktemp -d) || return 0
  cx_dnf --nogpgcheck -y --downloadonly --downloaddir="$cx_dnf_gpg_dir" "$@"
  cx_dnf_planned=$(printf '%s\n' "$cx_pkg_out" | DNF_BEFORE='' awk -v action=Planned "$cx_dnf_results_awk" | sed -n 's/^Planned: //p' | LC_ALL=C sort)
  for cx_dnf_nevra in $cx_dnf_planned; do
    cx_dnf_rpm_file=$(printf '%s' "$cx_dnf_nevra" | sed 's/-[0-9]*:/-/').rpm
    case $(rpm -qp --qf '%{SIGPGP:pgpsig}%{SIGGPG:pgpsig}%{RSAHEADER:pgpsig}%{DSAHEADER:pgpsig}' "$cx_dnf_gpg_dir/$cx_dnf_rpm_file" 2>/dev/null) in
      '(none)(none)(none)(none)') rm -rf "$cx_dnf_gpg_dir"; cx_report without_results true
        cx_fail "Failed to validate GPG signature for $cx_dnf_nevra: Package $cx_dnf_rpm_file is not signed" ;;
    esac
  done
  rm -rf "$cx_dnf_gpg_dir"
  cx_pkg_out='' cx_pkg_err=$cx_dnf_refusal cx_pkg_rc=$cx_dnf_refusal_rc
}

# Ansible's failure for a package dnf filtered out by `exclude`: the spec, then dnf's message.
cx_dnf_excluded_sed='s/^All matches were filtered out by exclude filtering for argument: \(.*\)$/\1 &/p'

# cx_dnf_no_match_sed COMMAND: Ansible's failure for dnf's "No match for
# argument": an upgrade's specs are installed packages, which only `exclude`
# hides from dnf upgrade (Ansible's dnf then fails with dnf's exclude message).
cx_dnf_no_match_sed() {
  if [ "$1" = upgrade ]; then printf '%s\n' 's/^No match for argument: \(.*\)$/\1 All matches were filtered out by exclude filtering for argument: \1/p'
  else printf '%s\n' 's/^No match for argument: \(.*\)$/No package \1 available./p'; fi
}

# cx_dnf_no_repos: whether the last dnf run refused because no repository is enabled.
cx_dnf_no_repos() {
  case $cx_pkg_err in *'Error: There are no enabled repositories'*) return 0 ;; esac
  return 1
}

# cx_dnf_list: Ansible's list: installed, updates, available, repos, or a spec.
cx_dnf_list() {
  cx_report kind list
  cx_dnf_qf='%{name}\t%{epoch}\t%{version}\t%{release}\t%{arch}\t%{repoid}\t%{installtime}\n'
  case $dnf_list in
    installed) cx_dnf -q repoquery --installed --qf "$cx_dnf_qf" ;;
    updates|upgrades) cx_dnf -q repoquery --upgrades --qf "$cx_dnf_qf" ;;
    available) cx_dnf -q repoquery --available --qf "$cx_dnf_qf" ;;
    repos|repositories) cx_dnf -q repolist --enabled ;;
    *) # Ansible's query of a spec lists the installed packages first, then the repositories'.
      cx_dnf -q repoquery --installed --qf "$cx_dnf_qf" "$dnf_list"
      if [ "$cx_pkg_rc" = 0 ]; then
        cx_dnf_listed=$cx_pkg_out
        cx_dnf -q repoquery --qf "$cx_dnf_qf" "$dnf_list"
        cx_pkg_out=$cx_dnf_listed$cx_pkg_out
      fi ;;
  esac
  [ "$cx_pkg_rc" = 0 ] || { cx_report rc 1; cx_fail "$(printf '%s' "$cx_pkg_err" | sed '/^$/d')"; }
  cx_report64 list "$cx_pkg_out"
  exit 0
}

# Reads dnf's output (its table's package sections only: not groups, module
# streams or profiles, nor what --skip-broken skips; a name too long for its
# column is alone on its line), with the rpm -qa snapshot taken before
# (name.arch, name, epoch, version, release, arch) in DNF_BEFORE; prints Ansible's results: "ACTION: NEVRA"
# for each package dnf's table installs (upgrades, downgrades: their old
# version is removed), then "Removed: NEVRA" for each it removes.
# shellcheck disable=SC2016 # an awk program
cx_dnf_results_awk='
function nevra(n, e, v, r, a) { return n "-" (e == "0" ? "" : e ":") v "-" r "." a }
BEGIN { n = split(ENVIRON["DNF_BEFORE"], lines, "\n"); for (i = 1; i <= n; i++) if (split(lines[i], f, "\t") == 6) old[f[1]] = nevra(f[2], f[3], f[4], f[5], f[6]) }
/^Transaction Summary/ { section = ""; next }
/^[A-Z][A-Za-z \/]*:$/ { section = $0; if (section !~ /^(Installing|Upgrading|Downgrading|Reinstalling|Removing)/ || section ~ /Groups|Environment|profiles/) section = ""; pending = ""; next }
section != "" && /^ / {
  if (NF == 1 && $1 != "replacing") { pending = $1; next }
  if (pending != "") { $0 = pending " " $0; pending = "" }
  if ($1 == "replacing") { split($2, na, "."); arch = na[length(na)]; name = substr($2, 1, length($2) - length(arch) - 1); removed[++nr] = name "-" $3 "." arch; next }
  pkg = $1 "-" $3 "." $2
  if (section ~ /^Removing/) { removed[++nr] = pkg; next }
  installed[++ni] = pkg
  if (section ~ /^(Upgrading|Downgrading)/ && (($1 "." $2) in old)) removed[++nr] = old[$1 "." $2]
}
END { for (i = 1; i <= ni; i++) print action ": " installed[i]; for (i = 1; i <= nr; i++) print "Removed: " removed[i] }'
