#!/bin/sh
# make-repo.sh DIR: builds the tiny noarch test packages of dnf.yaml with
# rpmbuild (no files, so no root and no network needed), makes the local
# repositories with createrepo_c (repo: cxa 1.0 and 2.0, cxb requiring cxa,
# cxd 1.0 and 2.0, with updateinfo marking cxa-2.0 a security and cxd-2.0 a
# bugfix update; extra, disabled in dnf.conf: cxc; local: cxe, a lone .rpm
# file) and writes DIR/dnf.conf, whose cache, log and history directories
# are under DIR too. Everything it writes is under DIR.
set -eu
dir=$1
mkdir -p "$dir/build" "$dir/repo" "$dir/extra" "$dir/local" "$dir/repos.d" "$dir/root"

# package DEST NAME VERSION [REQUIRES]
package() {
  spec="$dir/build/$2-$3.spec"
  printf '%s\n' "Name: $2" "Version: $3" 'Release: 1' "Summary: cxplay test package $2" 'License: MIT' 'BuildArch: noarch' > "$spec"
  [ -z "${4:-}" ] || printf 'Requires: %s\n' "$4" >> "$spec"
  printf '%s\n' '%description' 'A cxplay test package.' '%files' >> "$spec"
  rpmbuild --quiet -bb --define "_topdir $dir/build" --define "_tmppath $dir/build" --define "_dbpath $dir/build/db" \
    --define "_rpmdir $1" --define '_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm' "$spec"
}
package "$dir/repo" cxa 1.0
package "$dir/repo" cxa 2.0
package "$dir/repo" cxb 1.0 cxa
package "$dir/repo" cxd 1.0
package "$dir/repo" cxd 2.0
package "$dir/extra" cxc 1.0
package "$dir/local" cxe 1.0

# advisory ID TYPE NAME VERSION: one updateinfo.xml <update>
advisory() {
  cat <<XML
  <update from="cxplay" status="stable" type="$2" version="1">
    <id>$1</id><title>$3 $4</title><issued date="2026-01-01 00:00:00"/><severity>Important</severity><description>$3 $4</description>
    <pkglist><collection short="cx"><name>cx</name>
      <package name="$3" version="$4" release="1" epoch="0" arch="noarch"><filename>$3-$4-1.noarch.rpm</filename></package>
    </collection></pkglist>
  </update>
XML
}
{ echo '<?xml version="1.0" encoding="UTF-8"?>'; echo '<updates>'; advisory CX-SEC-1 security cxa 2.0; advisory CX-BUG-1 bugfix cxd 2.0; echo '</updates>'; } > "$dir/build/updateinfo.xml"
createrepo_c -q "$dir/repo"
modifyrepo_c --mdtype=updateinfo "$dir/build/updateinfo.xml" "$dir/repo/repodata" >/dev/null
createrepo_c -q "$dir/extra"

cat > "$dir/dnf.conf" <<CONF
[main]
gpgcheck=True
reposdir=$dir/repos.d
cachedir=$dir/cache
logdir=$dir/log
persistdir=$dir/persist
[cxlocal]
name=cxplay test packages
baseurl=file://$dir/repo
[cxextra]
name=cxplay extra test packages
baseurl=file://$dir/extra
enabled=0
CONF
