// What the benchmarks with phones share: an empty service path imported with the real CLI, and
// joining opened on a LAN address (never loopback) as the join dialog opens it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateWorkshop, uuidFor } from "./generate.mjs";
import { call, polku } from "./serve.mjs";

/** An empty service path of five touchpoints (the board benchmark's structure, no notes); the first `places` get the phones' notes. */
export function importWorkshop(tmp, dataDir, places) {
  const file = join(tmp, "join.polku");
  writeFileSync(file, JSON.stringify(generateWorkshop(0), null, 2));
  polku(["import", file, "--data-dir", dataDir]);
  const workshopId = uuidFor(1);
  const boardId = uuidFor(2);
  const touchpoints = [3, 4, 5, 6, 7].map(uuidFor);
  const listed = JSON.parse(polku(["list", "--json", "--data-dir", dataDir]));
  if (!listed.some((w) => w.id === workshopId)) throw new Error(`the workshop was not imported: ${JSON.stringify(listed)}`);
  return { workshopId, boardId, touchpoints, places: touchpoints.slice(0, places) };
}

/** Joining, on the LAN address (never loopback), as the join dialog opens it; the phones' listener. */
export async function openJoining(base, { workshopId, boardId }) {
  const addresses = await call(base, "join_addresses", {});
  const wanted = process.env.POLKU_BENCH_ADDRESS;
  const address = wanted
    ? addresses.find((a) => a.address === wanted)
    : (addresses.find((a) => a.preselected && !a.address.includes(":")) ?? addresses.find((a) => !a.address.includes(":")));
  if (!address) throw new Error(`no IPv4 LAN address to open joining on: ${JSON.stringify(addresses)}`);
  const status = await call(base, "open_join", {
    workshop_id: workshopId,
    board_id: boardId,
    address: address.address,
    ask_first: false,
    show_others: true,
  });
  if (!status.open || !status.url || !status.token) throw new Error(`open_join did not open: ${JSON.stringify(status)}`);
  const link = new URL(status.url);
  const listener = { host: link.hostname, port: Number(link.port || 80), origin: link.origin };
  return { status, listener };
}
