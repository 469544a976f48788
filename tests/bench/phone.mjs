// The simulated phone of join.bench.mjs: what the phone page (ui/src/participant) does, over
// node:http from an address of its own: invite, join (cookie), the events WebSocket kept open,
// notes sent one at a time from an outbox, and participant_view fetched again after every event or
// sent note, at most once a second (a trailing fetch after a burst). It does not parse the views.
// Anything that makes the measurement untrustworthy is recorded with breakWith; the benchmark
// checks `broken` and stops.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";

/** The phone page's policy: participant_view at most once a second. */
const VIEW_EVERY_MS = 1000;
const TONES = ["negative", "neutral", "positive"];
const PHRASES = [
  "Jonotin puhelimessa puoli tuntia",
  "Lomake oli selkeä",
  "En tiennyt kenelle soittaa",
  "Sain ajan samalle viikolle",
  "Ohjeet olivat ristiriitaisia",
  "Työntekijä kuunteli",
];

/** The machine's clock in milliseconds, as the facilitator's page reads it (timeOrigin + now). */
export const now = () => performance.timeOrigin + performance.now();

/** The first fault of the run, or null (a live binding: importers see it change). */
export let broken = null;
/** Stops the run: the measurement cannot be trusted (not: the figure is slow). */
export function breakWith(message) {
  broken ??= new Error(message);
}

/** A minimal WebSocket client (RFC 6455) over node:http, for the phone's /p/events. */
function openSocket({ host, port, path, headers, localAddress }, onText, onClose) {
  return new Promise((ok, fail) => {
    const key = randomBytes(16).toString("base64");
    const req = http.request({
      host,
      port,
      path,
      localAddress,
      headers: { ...headers, Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": key },
    });
    req.on("response", (res) => {
      res.resume();
      fail(new Error(`${path} answered ${res.statusCode} instead of a WebSocket`));
    });
    req.on("error", fail);
    req.on("upgrade", (res, socket, head) => {
      const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
      if (res.headers["sec-websocket-accept"] !== accept) {
        socket.destroy();
        fail(new Error(`${path}: a wrong Sec-WebSocket-Accept`));
        return;
      }
      const send = (op, payload = Buffer.alloc(0)) => {
        const mask = randomBytes(4);
        const body = Buffer.from(payload);
        for (let i = 0; i < body.length; i++) body[i] ^= mask[i % 4];
        if (!socket.destroyed) socket.write(Buffer.concat([Buffer.from([0x80 | op, 0x80 | body.length]), mask, body]));
      };
      let buf = head;
      let closeCode = 1006;
      let parts = [];
      socket.on("data", (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          if (buf.length < 2) return;
          const fin = buf[0] & 0x80;
          const op = buf[0] & 0x0f;
          let len = buf[1] & 0x7f;
          let off = 2;
          if (len === 126) {
            if (buf.length < 4) return;
            len = buf.readUInt16BE(2);
            off = 4;
          } else if (len === 127) {
            if (buf.length < 10) return;
            len = Number(buf.readBigUInt64BE(2));
            off = 10;
          }
          if (buf.length < off + len) return;
          const payload = buf.subarray(off, off + len);
          buf = buf.subarray(off + len);
          if (op === 0x1 || op === 0x0) {
            parts.push(Buffer.from(payload));
            if (fin) {
              onText(Buffer.concat(parts).toString("utf8"));
              parts = [];
            }
          } else if (op === 0x8) {
            closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
            send(0x8, payload.subarray(0, 2));
            socket.end();
          } else if (op === 0x9) {
            send(0xa, payload);
          }
        }
      });
      socket.on("error", () => {});
      socket.on("close", () => onClose(closeCode));
      ok({ close: () => (send(0x8, Buffer.from([0x03, 0xe8])), socket.end()), destroy: () => socket.destroy() });
    });
    req.end();
  });
}

/** One simulated phone: its own address, cookie, events socket, outbox and view fetches. */
export class Phone {
  constructor(n, listener, board, places) {
    this.n = n;
    this.listener = listener; // { host, port, origin }
    this.board = board;
    this.places = places;
    this.local = `127.0.0.${10 + n}`;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 4, localAddress: this.local });
    this.cookie = null;
    this.queue = [];
    this.sending = false;
    this.viewing = false;
    this.viewAgain = false;
    this.viewTimer = null;
    this.lastView = -Infinity;
    this.socket = null;
    this.closing = false;
    this.reconnects = 0;
  }

  /** One POST as the phone page sends it: JSON, its Origin, its cookie; keep-alive. */
  post(path, body) {
    const data = JSON.stringify(body);
    const { host, port, origin } = this.listener;
    const headers = { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data), Origin: origin };
    if (this.cookie) headers.Cookie = this.cookie;
    return new Promise((ok, fail) => {
      const started = now();
      const req = http.request({ host, port, path, method: "POST", agent: this.agent, headers }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), started, ms: now() - started }));
        res.on("error", fail);
      });
      req.on("error", (e) => fail(new Error(`phone ${this.n}: ${path}: ${e.message}`)));
      req.end(data);
    });
  }

  async postOk(path, body) {
    const res = await this.post(path, body);
    if (res.status !== 200) throw new Error(`phone ${this.n}: ${path} answered ${res.status}: ${res.body.toString().slice(0, 300)}`);
    return res;
  }

  /** Opens the link's invite, joins with the nickname offered, listens, and fetches the view. */
  async join(token, stats) {
    const invite = JSON.parse((await this.postOk("/p/invite", { key: token })).body);
    const joined = await this.postOk("/p/join", { key: token, nickname: invite.nickname });
    const cookie = [joined.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("polku_device="));
    if (!cookie) throw new Error(`phone ${this.n}: /p/join set no polku_device cookie`);
    this.cookie = cookie.split(";")[0];
    if (JSON.parse(joined.body).pending) throw new Error(`phone ${this.n} waits to be let in; joining should not ask first`);
    this.stats = stats;
    await this.listen();
    this.refresh();
  }

  async listen() {
    const { host, port, origin } = this.listener;
    this.socket = await openSocket(
      { host, port, path: "/p/events", localAddress: this.local, headers: { Origin: origin, Cookie: this.cookie } },
      (text) => {
        const ev = JSON.parse(text);
        if (ev.type === "changed" || ev.type === "join_changed") this.refresh();
      },
      (code) => {
        if (this.closing) return;
        if (code === 4403) return breakWith(`phone ${this.n} was told it is no longer in the join`);
        // As the phone page does: again after a pause, and look again once connected.
        this.reconnects++;
        setTimeout(() => this.listen().then(() => this.refresh(), (e) => breakWith(e.message)), 1000);
      },
    );
  }

  /** participant_view now, or once the second since the last one is up (one fetch for a burst). */
  refresh() {
    if (this.closing) return;
    if (this.viewing) {
      this.viewAgain = true;
      return;
    }
    const wait = this.lastView + VIEW_EVERY_MS - performance.now();
    if (wait > 0) {
      this.viewTimer ??= setTimeout(() => {
        this.viewTimer = null;
        this.refresh();
      }, wait);
      return;
    }
    this.viewing = true;
    this.lastView = performance.now();
    this.post("/p/api/participant_view", {})
      .then((res) => {
        if (res.status !== 200) return breakWith(`phone ${this.n}: participant_view answered ${res.status}: ${res.body.toString().slice(0, 300)}`);
        this.stats.views.push(res.ms);
        this.stats.viewBytes = res.body.length;
      }, (e) => breakWith(e.message))
      .finally(() => {
        this.viewing = false;
        if (this.viewAgain) {
          this.viewAgain = false;
          this.refresh();
        }
      });
  }

  /** The k-th note: written now, sent when the notes before it have been (the page's outbox). */
  write(k, notes) {
    const place = this.places[(this.n + k) % this.places.length];
    const text = `${PHRASES[(this.n * 7 + k) % PHRASES.length]} [${this.n}.${k}]`;
    const note = { key: `${this.n}.${k}`, written: now(), sent: null, answered: null, shown: null, arrived: null, card: false, unsent: false };
    notes.set(note.key, note);
    this.queue.push({ note, body: { op_id: randomUUID(), board_id: this.board, touchpoint_id: place, tone: TONES[(this.n + 2 * k) % 3], text } });
    void this.flush();
  }

  async flush() {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length > 0 && !broken) {
        const { note, body } = this.queue.shift();
        note.sent = now();
        const res = await this.post("/p/api/participant_add_note", body);
        if (res.status !== 200) {
          breakWith(`phone ${this.n}: participant_add_note answered ${res.status}: ${res.body.toString().slice(0, 300)}`);
          return;
        }
        note.answered = now();
        this.stats.adds.push(res.ms);
        this.refresh();
      }
    } catch (e) {
      breakWith(e.message);
    } finally {
      this.sending = false;
    }
  }

  /** The run is over: what still waits in the outbox is never sent; its count. */
  stopWriting() {
    const dropped = this.queue.length;
    for (const { note } of this.queue) note.unsent = true;
    this.queue = [];
    return dropped;
  }

  close() {
    this.closing = true;
    clearTimeout(this.viewTimer);
    this.socket?.close();
    this.agent.destroy();
  }
}
