/** `cx_backup DEST NUMBER`: Ansible's backup copy of DEST, failing the task when it cannot be made (engine/modules/sh/backup.sh). */
import BACKUP_SH from '../sh/backup.sh';
import { shellCode } from './shell-code.js';

export const BACKUP_FUNCTION = shellCode(BACKUP_SH);

/** The EXIT trap's part that removes an unfinished backup copy. */
export const REMOVE_PARTIAL_BACKUP = '[ -n "$cx_backup_partial" ] && rm -f -- "$cx_backup_partial"';
