import { VIEWS, type View } from "../router";

/**
 * Board, outline or personas: remembered per tab (sessionStorage), so a reload or coming back to a workshop
 * from the list keeps the view this person chose; another tab keeps its own.
 */
const STORAGE_KEY = "polku.view";

export function storedView(): View {
  try {
    const v = sessionStorage.getItem(STORAGE_KEY);
    return VIEWS.find((k) => k === v) ?? "board";
  } catch {
    // Storage can be off (private mode): the board is the default.
    return "board";
  }
}

export function storeView(view: View): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, view);
  } catch {
    // Not remembered then; the URL still says it.
  }
}
