# Functions the rpm and dnf stand-ins share (see rpm-db.sh).

# glob_re(glob): the anchored regular expression of a shell glob.
function glob_re(glob,    out, i, c, n) {
  out = "^"; n = length(glob)
  for (i = 1; i <= n; i++) {
    c = substr(glob, i, 1)
    if (c == "*") out = out ".*"
    else if (c == "?") out = out "."
    else if (c == "[") { out = out "["; if (substr(glob, i + 1, 1) == "!") { out = out "^"; i++ } }
    else if (c == "]") out = out "]"
    else if (index("\\.^$+(){}|/", c)) out = out "\\" c
    else out = out c
  }
  return out "$"
}

# evr(e, v, r): the version as dpkg compares it.
function evr(e, v, r) { return e ":" v "-" r }

# newer(a, b): whether version a (EPOCH:V-R) is newer than b.
function newer(a, b) { return system("/usr/bin/dpkg --compare-versions '" a "' gt '" b "'") == 0 }

# compare(a, op, b): a OP b for the rpm operators <, <=, =, >=, >.
function compare(a, op, b,    ops) {
  ops = op == "<" ? "lt" : op == "<=" ? "le" : op == "=" ? "eq" : op == ">=" ? "ge" : "gt"
  return system("/usr/bin/dpkg --compare-versions '" a "' " ops " '" b "'") == 0
}

# nevra(n, e, v, r, a): how rpm and dnf print a package: NAME-[EPOCH:]V-R.ARCH.
function nevra(n, e, v, r, a) { return n "-" (e == "0" ? "" : e ":") v "-" r "." a }

# matches(spec, n, e, v, r, a): whether SPEC (a glob) names the package the
# ways rpm and dnf take: name, name.arch, name-v, name-v-r, name-v-r.arch,
# with or without the epoch.
function matches(spec, n, e, v, r, a,    re) {
  re = glob_re(spec)
  return n ~ re || (n "." a) ~ re || (n "-" v) ~ re || (n "-" v "-" r) ~ re || (n "-" v "-" r "." a) ~ re || (n "-" e ":" v "-" r) ~ re || (n "-" e ":" v "-" r "." a) ~ re
}

# qf(format, n, e, v, r, a, repo): FORMAT with rpm's %{TAG} filled, \n and \t.
function qf(format, n, e, v, r, a, repo,    out, s, e2, raw, tag, value) {
  out = ""
  while ((s = index(format, "%{")) > 0) {
    e2 = index(substr(format, s), "}"); raw = substr(format, s + 2, e2 - 3)
    sub(/^[-0-9]+/, "", raw); tag = toupper(raw)
    value = tag == "NAME" ? n : tag == "VERSION" ? v : tag == "RELEASE" ? r : tag == "ARCH" ? a : tag == "EPOCHNUM" ? e : tag == "EPOCH" ? (e == "0" ? "(none)" : e) : tag == "INSTALLTIME" ? (repo ~ /^@/ ? "1767225600" : "0") : tag == "REPOID" || tag == "REPONAME" ? repo : tag == "EVR" ? (e == "0" ? "" : e ":") v "-" r : tag == "NEVRA" ? nevra(n, e, v, r, a) : "(none)"
    if (raw == "epoch") value = e  # dnf repoquery's lower-case tags: epoch 0, not (none)
    out = out substr(format, 1, s - 1) value; format = substr(format, s + e2)
  }
  out = out format
  gsub(/\\n/, "\n", out); gsub(/\\t/, "\t", out)
  return out
}
