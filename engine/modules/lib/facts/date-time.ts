/**
 * Ansible's date_time fact from one `date '+%s %N %Z %z'` on the host: the
 * local fields are the epoch moved by the host's offset (C-locale names, as
 * Python's strftime writes them), tz_dst is Python's time.tzname[1] (the
 * zone of 1 January or 1 July that is the summer one).
 */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function dateTimeFacts(now: string, january: string, july: string): Record<string, string> {
  const [seconds = '0', nanos = '', zone = 'UTC', offset = '+0000'] = now.trim().split(/\s+/);
  const epoch = Number(seconds);
  const micros = /^\d{9}$/.test(nanos) ? nanos.slice(0, 6) : '000000';
  const local = new Date((epoch + offsetSeconds(offset)) * 1000);
  const utc = new Date(epoch * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = (at: Date, sep: string) => `${at.getUTCFullYear()}${sep}${pad(at.getUTCMonth() + 1)}${sep}${pad(at.getUTCDate())}`;
  const time = (at: Date, sep: string) => `${pad(at.getUTCHours())}${sep}${pad(at.getUTCMinutes())}${sep}${pad(at.getUTCSeconds())}`;
  return {
    year: String(local.getUTCFullYear()),
    month: pad(local.getUTCMonth() + 1),
    weekday: WEEKDAYS[local.getUTCDay()]!,
    weekday_number: String(local.getUTCDay()),
    weeknumber: pad(mondayWeekNumber(local)),
    day: pad(local.getUTCDate()),
    hour: pad(local.getUTCHours()),
    minute: pad(local.getUTCMinutes()),
    second: pad(local.getUTCSeconds()),
    epoch: String(epoch),
    epoch_int: String(epoch),
    date: date(local, '-'),
    time: time(local, ':'),
    iso8601_micro: `${date(utc, '-')}T${time(utc, ':')}.${micros}Z`,
    iso8601: `${date(utc, '-')}T${time(utc, ':')}Z`,
    iso8601_basic: `${date(local, '')}T${time(local, '')}${micros}`,
    iso8601_basic_short: `${date(local, '')}T${time(local, '')}`,
    tz: zone,
    tz_dst: dstName(january, july) ?? zone,
    tz_offset: offset,
  };
}

/** `+0530` / `-0800` in seconds east of UTC. */
function offsetSeconds(offset: string): number {
  const match = /^([+-])(\d\d)(\d\d)$/.exec(offset);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
}

/** strftime's %W: weeks of the year that start on Monday (days before the first Monday are week 0). */
function mondayWeekNumber(at: Date): number {
  const dayOfYear = Math.floor((at.getTime() - Date.UTC(at.getUTCFullYear(), 0, 1)) / 86_400_000);
  const mondayBased = (at.getUTCDay() + 6) % 7;
  return Math.floor((dayOfYear + 7 - mondayBased) / 7);
}

/** Python's tzname[1]: July's zone, or January's where it is the one further east (southern summer). */
function dstName(january: string, july: string): string | undefined {
  const [janName, janOffset] = january.trim().split(/\s+/);
  const [julName, julOffset] = july.trim().split(/\s+/);
  if (!janName || !julName || janOffset === undefined || julOffset === undefined) return undefined;
  return offsetSeconds(janOffset) > offsetSeconds(julOffset) ? janName : julName;
}
