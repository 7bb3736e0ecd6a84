import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), or null when gone. */
function statFields(pid: number): { name: string; fields: string[] } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return { name: stat.slice(stat.indexOf('(') + 1, close), fields: stat.slice(close + 2).split(' ') };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc; 0 where /proc is missing. */
export function cpuSeconds(pid: number): number {
  const stat = statFields(pid);
  return stat ? (Number(stat.fields[11]) + Number(stat.fields[12])) / TICKS_PER_SECOND : 0;
}

/** The live descendants of `pid` (children, grandchildren…) named `name` (e.g. the relay's ffmpeg pushes). */
export function descendantsNamed(pid: number, name: string): number[] {
  const parentOf = new Map<number, { parent: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statFields(Number(entry));
    if (stat) parentOf.set(Number(entry), { parent: Number(stat.fields[1]), name: stat.name });
  }
  const isBelow = (child: number): boolean => {
    for (let up = parentOf.get(child)?.parent; up !== undefined && up > 1; up = parentOf.get(up)?.parent) if (up === pid) return true;
    return false;
  };
  return [...parentOf].filter(([child, info]) => info.name === name && isBelow(child)).map(([child]) => child);
}

/**
 * CPU seconds used so far by a process and by each of its live descendants named `name`, by pid. Two
 * snapshots give a window's CPU (`cpuBetween`); a child that exits inside the window loses its share.
 */
export function treeCpu(pid: number, name: string): Map<number, number> {
  return new Map([pid, ...descendantsNamed(pid, name)].map((p) => [p, cpuSeconds(p)]));
}

/** CPU seconds between two `treeCpu` snapshots: of `pid` itself, and of the others (children born inside count whole). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>, pid: number): { own: number; children: number } {
  let children = 0;
  for (const [child, seconds] of after) if (child !== pid) children += seconds - (before.get(child) ?? 0);
  return { own: (after.get(pid) ?? 0) - (before.get(pid) ?? 0), children };
}
