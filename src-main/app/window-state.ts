import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** How much of the title bar must be on a screen for the user to grab it. */
const MIN_VISIBLE = 64;

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    ['x', 'y', 'width', 'height'].every((k) => Number.isInteger(r[k])) &&
    (r.width as number) > 0 &&
    (r.height as number) > 0
  );
}

/** The saved state, or null when missing or unreadable (first start, hand-edited file). */
export function loadWindowState(file: string): WindowState | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    if (!isRect(data.bounds)) return null;
    return { bounds: data.bounds, maximized: data.maximized === true };
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  // Write then rename, so a crash mid-write leaves the previous state rather than half a file.
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/**
 * Whether saved bounds still put the title bar on a screen: a monitor unplugged
 * since the last run must not leave the window where nobody can reach it.
 */
export function isVisibleOn(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const overlap = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    // A few pixels above the work area is normal (Windows frames); the title bar must stay grabbable.
    const topInside = bounds.y >= area.y - 16 && bounds.y <= area.y + area.height - MIN_VISIBLE;
    return overlap >= MIN_VISIBLE && topInside;
  });
}
