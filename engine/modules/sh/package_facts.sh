# The package_facts module (engine/modules/package_facts.ts parses what this
# reports). Needs report.sh.

# cx_package_facts MANAGER...: for each MANAGER (apt or rpm) whose tool is
# there, reports its installed packages, raw, under the manager's name, and
# `found` the managers it read; STRATEGY first stops after the first.
cx_package_facts() {
  cx_pf_strategy=$1; shift
  cx_pf_found=''
  for cx_pf_manager in "$@"; do
    [ -n "$cx_pf_found" ] && [ "$cx_pf_strategy" = first ] && break
    case $cx_pf_manager in
      apt) command -v dpkg-query >/dev/null 2>&1 && cx_pf_apt && cx_pf_found="$cx_pf_found apt" ;;
      rpm) command -v rpm >/dev/null 2>&1 && cx_pf_rpm && cx_pf_found="$cx_pf_found rpm" ;;
    esac
  done
  cx_report found "${cx_pf_found# }"
}

# cx_pf_apt: the installed packages (name, version, architecture, section,
# tab-separated) and what apt-cache policy says of them and of its sources
# (where each installed version comes from, for its origin).
cx_pf_apt() {
  # shellcheck disable=SC2016 # dpkg-query's own ${Field} syntax
  cx_pf_list=$(LC_ALL=C dpkg-query -W -f='${db:Status-Status}\t${binary:Package}\t${Version}\t${Architecture}\t${Section}\n' 2>/dev/null | sed -n 's/^installed\t//p') || return 1
  cx_report64 apt "$cx_pf_list"
  command -v apt-cache >/dev/null 2>&1 || return 0
  cx_report64 apt_sources "$(LC_ALL=C apt-cache policy 2>/dev/null)"
  cx_report64 apt_policy "$(printf '%s\n' "$cx_pf_list" | cut -f 1 | LC_ALL=C xargs apt-cache policy 2>/dev/null)"
}

# cx_pf_rpm: the installed packages (name, version, release, epoch,
# architecture, tab-separated).
cx_pf_rpm() {
  cx_pf_list=$(LC_ALL=C rpm -qa --queryformat '%{NAME}\t%{VERSION}\t%{RELEASE}\t%{EPOCH}\t%{ARCH}\n' 2>/dev/null) || return 1
  cx_report64 rpm "$cx_pf_list"
}
