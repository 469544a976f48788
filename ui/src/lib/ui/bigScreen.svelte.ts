/**
 * Big-screen mode: for a wall touchscreen used from a distance and by several hands. Every target
 * grows to 64 px and the UI's text grows (see `.big-screen` in app.css); the board's notes keep
 * their board units and the camera fits closer instead. Remembered per machine, like the language.
 */
import { readFlag, writeFlag } from "./machineFlag";

const STORAGE_KEY = "polku.bigScreen";

const first = readFlag(STORAGE_KEY);
let on = $state(first);
document.documentElement.classList.toggle("big-screen", first);

export const bigScreen = {
  get on(): boolean {
    return on;
  },
  set on(next: boolean) {
    on = next;
    document.documentElement.classList.toggle("big-screen", next);
    writeFlag(STORAGE_KEY, next);
  },
};
