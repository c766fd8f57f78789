/**
 * Lab host set-up (LabOptions.setup) for a login user that is not root and
 * may sudo to anyone, without a password as on a real node, or with its own
 * password (`password`), which is then also its SSH login password; and
 * root's password (`rootPassword`) for su. Everything lives
 * in the host's own mount namespace: copies of /etc/passwd, /etc/shadow and /etc/group on
 * the host's tmpfs /root are bind-mounted over the originals, /etc/sudoers.d
 * gets a tmpfs of its own, and the user's home is on the tmpfs /opt. This
 * machine's files are never written.
 */
export const SUDO_USER = 'cxuser';
export const SUDO_UID = 4242;

export interface SudoUserOptions {
  /**
   * Whether the host name resolves (an /etc/hosts copy that lists it). A lab
   * host's name does not, so sudo warns "unable to resolve host NAME" on
   * stderr before it runs anything.
   */
  readonly hostnameResolves: boolean;
  /** The user's password, which sudo then asks for (default: none, and sudo asks for nothing). */
  readonly password?: string;
  /** root's password, which su to root then asks for (default: root has none, and su to root fails). */
  readonly rootPassword?: string;
}

export function sudoUserSetup(host: { name: string; labDir: string }, options: SudoUserOptions): string {
  const home = `/opt/${SUDO_USER}`;
  return [
    `cp /etc/passwd /root/passwd && echo '${SUDO_USER}:x:${SUDO_UID}:${SUDO_UID}::${home}:/bin/sh' >> /root/passwd && mount --bind /root/passwd /etc/passwd`,
    // cp -p: the copy keeps the original's mode (0640); '*': no password, key login only.
    options.password === undefined
      ? `cp -p /etc/shadow /root/shadow && echo '${SUDO_USER}:*:19000:0:99999:7:::' >> /root/shadow`
      : `cp -p /etc/shadow /root/shadow && printf '%s\n' '${options.password}' | openssl passwd -6 -stdin | sed 's/^/${SUDO_USER}:/; s/$/:19000:0:99999:7:::/' >> /root/shadow`,
    options.rootPassword === undefined ? '' : `sed -i "s|^root:[^:]*:|root:$(printf '%s\\n' '${options.rootPassword}' | openssl passwd -6 -stdin):|" /root/shadow`,
    'mount --bind /root/shadow /etc/shadow',
    `cp /etc/group /root/group && echo '${SUDO_USER}:x:${SUDO_UID}:' >> /root/group && mount --bind /root/group /etc/group`,
    `mkdir -p ${home}/.ssh && cp '${host.labDir}/authorized_keys' ${home}/.ssh/ && chown -R ${SUDO_UID}:${SUDO_UID} ${home}`,
    'mount -t tmpfs -o mode=0755,size=1m tmpfs /etc/sudoers.d',
    `echo '${SUDO_USER} ALL=(ALL:ALL) ${options.password === undefined ? 'NOPASSWD: ' : ''}ALL' > /etc/sudoers.d/${SUDO_USER} && chmod 0440 /etc/sudoers.d/${SUDO_USER}`,
    options.hostnameResolves ? `cp /etc/hosts /root/hosts && echo '127.0.0.1 ${host.name}' >> /root/hosts && mount --bind /root/hosts /etc/hosts` : '',
  ].join('\n');
}
