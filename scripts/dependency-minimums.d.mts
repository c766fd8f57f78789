// Types of dependency-minimums.mjs (plain JavaScript, run by scripts/audit.mjs before anything is built).
export declare const MINIMUMS: Readonly<Record<string, string>>;
export declare function newerOrEqual(version: string, minimum: string): boolean;
export declare function checkLock(lock: { packages?: Record<string, { version: string }> }): { problems: string[]; found: string[] };
