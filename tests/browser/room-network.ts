import { execFileSync } from "node:child_process";

/**
 * A network of the room's own for the tests: a veth pair (this kernel has no dummy interfaces)
 * with a private address on one end, so the
 * participants' listener binds an address that is not loopback (it refuses loopback names) and
 * nothing leaves this machine. Made as root (CI is root); the name carries the process id, so
 * parallel runs do not meet, and `remove` takes it away again.
 */
export class RoomNetwork {
  readonly name: string;
  readonly address: string;

  private constructor(name: string, address: string) {
    this.name = name;
    this.address = address;
  }

  static make(): RoomNetwork {
    const n = process.pid % 200;
    // Interface names stop at 15 characters; the peer adds a "p".
    const net = new RoomNetwork(`polku-e${process.pid % 100000}`.slice(0, 14), `10.231.${n}.1`);
    const ip = (...args: string[]) => execFileSync("ip", args, { stdio: ["ignore", "ignore", "pipe"] });
    try {
      ip("link", "del", net.name);
    } catch {
      // None left over: the usual case.
    }
    ip("link", "add", net.name, "type", "veth", "peer", "name", `${net.name}p`);
    ip("addr", "add", `${net.address}/24`, "dev", net.name);
    ip("link", "set", net.name, "up");
    ip("link", "set", `${net.name}p`, "up");
    return net;
  }

  remove(): void {
    try {
      execFileSync("ip", ["link", "del", this.name], { stdio: "ignore" });
    } catch {
      // Already gone.
    }
  }
}

/** Opens joining from the header on `room`'s address; answers the link the dialog shows. */
export async function openJoining(page: import("@playwright/test").Page, room: RoomNetwork, askFirst = false): Promise<string> {
  const { expect } = await import("@playwright/test");
  await page.getByRole("button", { name: "Let participants join" }).click();
  const dialog = page.getByRole("dialog", { name: "Let participants join" });
  await dialog.getByLabel("Network").selectOption({ label: `${room.address} (${room.name})` });
  if (askFirst) await dialog.getByLabel("Ask me before someone joins").check();
  await dialog.getByRole("button", { name: "Open joining" }).click();
  const url = page.getByRole("dialog", { name: "Participants can join" }).getByTestId("join-url");
  await expect(url).toHaveText(/^http:\/\//);
  return (await url.textContent())!.trim();
}
