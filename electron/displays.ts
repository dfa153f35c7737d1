/**
 * Where the projector window goes: full screen on a display other than the operator's when there
 * is one, otherwise a normal window beside the operator's. Pure: no Electron import.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayLike {
  readonly id: number;
  readonly bounds: Rect;
  readonly workArea: Rect;
}

export interface Placement {
  readonly displayId: number;
  /** The window's bounds when not full screen (centred in the display's work area). */
  readonly bounds: Rect;
  readonly fullScreen: boolean;
}

const WINDOW = { width: 1280, height: 720 };

function windowed(display: DisplayLike): Rect {
  const area = display.workArea;
  const width = Math.min(WINDOW.width, Math.round(area.width * 0.8));
  const height = Math.min(WINDOW.height, Math.round(area.height * 0.8));
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

function placeOn(display: DisplayLike, operatorDisplayId: number): Placement {
  return {
    displayId: display.id,
    bounds: windowed(display),
    fullScreen: display.id !== operatorDisplayId,
  };
}

/**
 * The projector's place: `preferredDisplayId` when that display is still attached and is not the
 * operator's, else the first display that is not the operator's, else the operator's (windowed).
 */
export function projectorPlacement({
  displays,
  operatorDisplayId,
  preferredDisplayId,
}: {
  readonly displays: readonly DisplayLike[];
  readonly operatorDisplayId: number;
  readonly preferredDisplayId?: number | undefined;
}): Placement | null {
  const others = displays.filter((d) => d.id !== operatorDisplayId);
  const target =
    others.find((d) => d.id === preferredDisplayId) ??
    others[0] ??
    displays.find((d) => d.id === operatorDisplayId) ??
    displays[0];
  return target === undefined ? null : placeOn(target, operatorDisplayId);
}

/** The next display after the projector's current one, in the system's order, wrapping round. */
export function nextPlacement({
  displays,
  operatorDisplayId,
  currentDisplayId,
}: {
  readonly displays: readonly DisplayLike[];
  readonly operatorDisplayId: number;
  readonly currentDisplayId: number;
}): Placement | null {
  if (displays.length === 0) return null;
  const index = displays.findIndex((d) => d.id === currentDisplayId);
  const next = displays[(index + 1) % displays.length];
  return next === undefined ? null : placeOn(next, operatorDisplayId);
}
