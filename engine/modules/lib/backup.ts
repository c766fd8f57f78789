/**
 * `cx_backup DEST NUMBER`: Ansible's backup copy of DEST, failing the task
 * when it cannot be made; `cx_backup_cleanup` for the EXIT trap
 * (engine/modules/sh/backup.sh).
 */
import BACKUP_SH from '../sh/backup.sh';
import { shellCode } from './shell-code.js';

export const BACKUP_FUNCTION = shellCode(BACKUP_SH);

