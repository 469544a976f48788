/**
 * An on/off choice remembered on this machine (big-screen mode, the timer's sound). Storage can be
 * off (a private window): then the choice is off at start and lasts as long as the page.
 */
export function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === "on";
  } catch {
    return false;
  }
}

export function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? "on" : "off");
  } catch {
    // Not remembered across restarts then; still switched for now.
  }
}
