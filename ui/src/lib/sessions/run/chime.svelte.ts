/**
 * The timer's optional sound: off unless the facilitator turns it on on this machine (a sound in a
 * room of people writing is a decision, not a default). Two soft notes, made with Web Audio, so
 * nothing is downloaded and nothing plays until it is asked for.
 */
import { readFlag, writeFlag } from "../../ui/machineFlag";

const STORAGE_KEY = "polku.timerSound";

let on = $state(readFlag(STORAGE_KEY));

export const timerSound = {
  get on(): boolean {
    return on;
  },
  set on(next: boolean) {
    on = next;
    writeFlag(STORAGE_KEY, next);
  },
};

export function chime(): void {
  if (!on || typeof AudioContext === "undefined") return;
  const ctx = new AudioContext();
  [523.25, 659.25].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const at = ctx.currentTime + i * 0.35;
    osc.type = "sine";
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.15, at + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 1.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 1.25);
  });
  setTimeout(() => void ctx.close(), 2000);
}
