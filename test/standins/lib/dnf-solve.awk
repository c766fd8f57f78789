# The stand-in dnf's solver (run by rpm_awk over rpmdb and rpm-available):
# what OP (install, upgrade, remove, autoremove) does with SPECS (one a
# line; empty: every package for upgrade), given the enabled repos, the
# excludes and the advisory filter. Prints one line a result:
#   T <action> <name> <epoch> <version> <release> <arch> <repo> <replaced nevra or ->
#   G <name of a group installed>
#   M <line dnf prints on stdout>    E <line dnf prints on stderr (an error)>
BEGIN {
  op = ENVIRON["DNF_OP"]; nspecs = split(ENVIRON["DNF_SPECS"], specs, "\n")
  split(ENVIRON["DNF_ENABLED"], en, " "); for (i in en) enabled[en[i]] = 1
  nex = split(ENVIRON["DNF_EXCLUDES"], excludes, "\n"); advisory = ENVIRON["DNF_ADVISORY"]
}
FILENAME ~ /rpm-groups$/ { groups[$1] = $3; groupName[$1] = $2; next }
FILENAME ~ /rpmdb$/ { ni++; iN[ni] = $1; iE[ni] = $2; iV[ni] = $3; iR[ni] = $4; iA[ni] = $5; iWhy[ni] = $6; next }
{
  if (!($6 in enabled)) next
  for (x = 1; x <= nex; x++) if (excludes[x] != "" && $1 ~ glob_re(excludes[x])) next
  na++; aN[na] = $1; aE[na] = $2; aV[na] = $3; aR[na] = $4; aA[na] = $5; aRepo[na] = $6; aAdv[na] = $7
}
function inevr(i) { return evr(iE[i], iV[i], iR[i]) }
function anevr(j) { return evr(aE[j], aV[j], aR[j]) }
function inevra(i) { return nevra(iN[i], iE[i], iV[i], iR[i], iA[i]) }
# installed_as(name, arch): the index of the installed package NAME.ARCH, or 0.
function installed_as(name, arch,    i) { for (i = 1; i <= ni; i++) if (iN[i] == name && iA[i] == arch) return i; return 0 }
function row(action, j, old) { if (!((action SUBSEP j) in done)) { done[action, j] = 1; print "T\t" action "\t" aN[j] "\t" aE[j] "\t" aV[j] "\t" aR[j] "\t" aA[j] "\t" aRepo[j] "\t" old } }
function remove_row(action, i) { if (!(("r" SUBSEP i) in done)) { done["r", i] = 1; print "T\t" action "\t" iN[i] "\t" iE[i] "\t" iV[i] "\t" iR[i] "\t" iA[i] "\t@System\t-" } }
# best(spec, name, arch): the newest available package matching SPEC named NAME.ARCH (0: none).
function best(spec, name, arch,    j, b) {
  b = 0
  for (j = 1; j <= na; j++) if (aN[j] == name && aA[j] == arch && matches(spec, aN[j], aE[j], aV[j], aR[j], aA[j]) && (b == 0 || newer(anevr(j), anevr(b)))) b = j
  return b
}
# upgradable(i): the newest available upgrade of installed package i that passes the advisory filter (0: none).
function upgradable(i,    j, b) {
  b = 0
  for (j = 1; j <= na; j++) if (aN[j] == iN[i] && aA[j] == iA[i] && newer(anevr(j), inevr(i)) && (advisory == "" || index(" " advisory " ", " " aAdv[j] " ")) && (b == 0 || newer(anevr(j), anevr(b)))) b = j
  return b
}
# group(spec): the id of the comps group @SPEC names (by id or name), or "".
function group(spec,    id) { spec = substr(spec, 2); for (id in groups) if (id == spec || tolower(groupName[id]) == tolower(spec)) return id; return "" }
# install_group(spec): a group's members not installed, as dnf's group/module packages.
function install_group(spec,    id, n, members, m, i, j, have) {
  id = group(spec)
  if (id == "") { print "M\tModule or Group '" substr(spec, 2) "' is not available."; nothing = 1; return }
  print "G\t" groupName[id]
  n = split(groups[id], members, " ")
  for (m = 1; m <= n; m++) {
    have = 0; for (i = 1; i <= ni; i++) if (iN[i] == members[m]) have = 1
    if (have) continue
    j = 0; for (i = 1; i <= na; i++) if (aN[i] == members[m] && (j == 0 || newer(anevr(i), anevr(j)))) j = i
    if (j) row("Installing group/module packages", j, "-")
  }
}
function install(spec,    i, j, b, hit, seen) {
  if (spec ~ /^@/) { install_group(spec); return }
  for (i = 1; i <= ni; i++) if (matches(spec, iN[i], iE[i], iV[i], iR[i], iA[i])) { print "M\tPackage " inevra(i) " is already installed."; hit = 1; seen[iN[i], iA[i]] = 1 }
  for (j = 1; j <= na; j++) {
    if (!matches(spec, aN[j], aE[j], aV[j], aR[j], aA[j]) || ((aN[j] SUBSEP aA[j]) in seen)) continue
    seen[aN[j], aA[j]] = 1; hit = 1
    b = best(spec, aN[j], aA[j]); i = installed_as(aN[j], aA[j])
    if (!i) row("Installing", b, "-")
    else if (newer(anevr(b), inevr(i))) row("Upgrading", b, inevra(i))
    else row("Downgrading", b, inevra(i))
  }
  if (!hit) { print "M\tNo match for argument: " spec; missing = missing " " spec }
}
function upgrade(spec,    i, j, hit) {
  for (i = 1; i <= ni; i++) {
    if (spec == "" || matches(spec, iN[i], iE[i], iV[i], iR[i], iA[i])) { hit = 1; j = upgradable(i); if (j) row("Upgrading", j, inevra(i)); continue }
    # A versioned spec (name-1.2) names the version to upgrade to.
    j = best(spec, iN[i], iA[i])
    if (j) { hit = 1; if (newer(anevr(j), inevr(i))) row("Upgrading", j, inevra(i)) }
  }
  if (spec != "" && !hit) {
    for (j = 1; j <= na; j++) if (matches(spec, aN[j], aE[j], aV[j], aR[j], aA[j])) { print "M\tPackage " aN[j] " available, but not installed."; break }
    print "M\tNo match for argument: " spec; unmarked = 1
  }
}
function remove(spec,    i, hit, id, n, members, m) {
  if (spec ~ /^@/) {
    id = group(spec)
    if (id == "") { print "M\tWarning: Group '" substr(spec, 2) "' is not installed."; return }
    n = split(groups[id], members, " ")
    for (m = 1; m <= n; m++) for (i = 1; i <= ni; i++) if (iN[i] == members[m]) remove_row("Removing", i)
    return
  }
  for (i = 1; i <= ni; i++) if (matches(spec, iN[i], iE[i], iV[i], iR[i], iA[i])) { remove_row("Removing", i); hit = 1 }
  if (!hit) { print "M\tNo match for argument: " spec; unmarked = 1 }
}
END {
  if (op == "install") { for (s = 1; s <= nspecs; s++) install(specs[s]); if (missing != "") print "E\tError: Unable to find a match:" missing; else if (nothing) print "E\tError: Nothing to do." }
  else if (op == "upgrade") { if (nspecs == 0) upgrade(""); for (s = 1; s <= nspecs; s++) upgrade(specs[s]); if (unmarked) print "E\tError: No packages marked for upgrade." }
  else if (op == "remove") { for (s = 1; s <= nspecs; s++) remove(specs[s]); if (unmarked) print "M\tNo packages marked for removal." }
  else if (op == "autoremove") { for (i = 1; i <= ni; i++) if (iWhy[i] == "dependency") remove_row("Removing unused dependencies", i) }
}
