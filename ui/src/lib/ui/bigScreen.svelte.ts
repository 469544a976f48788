/**
 * Big-screen mode: for a wall touchscreen used from a distance and by several hands. Every target
 * grows to 64 px and the UI's text grows (see `.big-screen` in app.css); the board's notes keep
 * their board units and the camera fits closer instead. Remembered per machine, like the language.
 */
const STORAGE_KEY = "polku.bigScreen";

function initial(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    // Storage can be off (private mode): start in the ordinary size.
    return false;
  }
}

const first = initial();
let on = $state(first);
document.documentElement.classList.toggle("big-screen", first);

export const bigScreen = {
  get on(): boolean {
    return on;
  },
  set on(next: boolean) {
    on = next;
    document.documentElement.classList.toggle("big-screen", next);
    try {
      localStorage.setItem(STORAGE_KEY, next ? "on" : "off");
    } catch {
      // Not remembered across restarts then; still switched for now.
    }
  },
};
