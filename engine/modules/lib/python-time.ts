/** Times as Python prints them, for results that mirror Ansible's (command's start/end/delta, pause's start/stop). */

/** str(datetime.now()): `2024-01-02 03:04:05.678000`, local time. */
export function pythonTime(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds() * 1000, 6)}`;
}

/** str(timedelta): `0:00:01.250000`, hours not padded. */
export function pythonDelta(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

/** str(round(x, 2)) for a float: `1.0`, `1.5`, `1.23`. */
export function pythonRounded(value: number): string {
  const text = (Math.round(value * 100) / 100).toString();
  return text.includes('.') ? text : `${text}.0`;
}
