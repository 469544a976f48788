import type { Camera, Point } from "./geometry";

export const MIN_ZOOM = 0.3;
export const MAX_ZOOM = 2.5;

/** Zooms by `factor` keeping the board point under `anchor` (screen px) where it is. */
export function zoomAt(camera: Camera, anchor: Point, factor: number): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, camera.zoom * factor));
  const k = zoom / camera.zoom;
  return { zoom, x: anchor.x - (anchor.x - camera.x) * k, y: anchor.y - (anchor.y - camera.y) * k };
}

export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x + dx, y: camera.y + dy };
}
