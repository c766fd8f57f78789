#!/usr/bin/env bash
# Installs the machine packages the lab, the tests and the demo need (sshd,
# ssh-keygen, tmux, sudo for become, strace for the secret-file test, and
# ansible-core for the side-by-side comparisons with Debian's ansible package for the ansible.posix
# collection (mount, sysctl, authorized_key are compared with its modules), shellcheck for the modules' sh files,
# libnss-wrapper to show the account stand-ins' databases to Ansible's modules, the archivers unarchive's
# tests use: zip/unzip, bzip2, xz, zstd; dnf, python3-dnf, rpm (rpmbuild) and createrepo-c for the dnf
# module's differential test, which builds its packages and repository and installs into a temporary
# installroot; Kerberos for use_gssapi's), only when something is missing. Debian/Ubuntu, as root.
set -euo pipefail
missing=()
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v sudo >/dev/null 2>&1 || missing+=(sudo)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
dpkg -s libnss-wrapper >/dev/null 2>&1 || missing+=(libnss-wrapper)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v zip >/dev/null 2>&1 || missing+=(zip)
command -v bzip2 >/dev/null 2>&1 || missing+=(bzip2)
command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
command -v dnf >/dev/null 2>&1 || missing+=(dnf)
dpkg -s python3-dnf >/dev/null 2>&1 || missing+=(python3-dnf)
command -v rpmbuild >/dev/null 2>&1 || missing+=(rpm)
command -v createrepo_c >/dev/null 2>&1 || missing+=(createrepo-c)
# A Kerberos realm on 127.0.0.1 for use_gssapi's tests: the KDC, kadmin.local, kinit/klist, and Python's gssapi
# (Ansible's side needs it; the test's web server uses it to accept the tokens).
command -v krb5kdc >/dev/null 2>&1 || missing+=(krb5-kdc)
command -v kadmin.local >/dev/null 2>&1 || missing+=(krb5-admin-server)
command -v kinit >/dev/null 2>&1 || missing+=(krb5-user)
dpkg -s python3-gssapi >/dev/null 2>&1 || missing+=(python3-gssapi)
if [ "${CXPLAY_SKIP_ANSIBLE:-}" != 1 ]; then
  command -v ansible-playbook >/dev/null 2>&1 || missing+=(ansible-core)
  [ -d /usr/lib/python3/dist-packages/ansible_collections/ansible/posix ] || missing+=(ansible)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "cxplay: missing packages ${missing[*]}; install them as root (apt-get install -y ${missing[*]})" >&2
  exit 1
fi
echo "cxplay: installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
