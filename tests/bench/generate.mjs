// A large, valid `.polku` workshop file (docs/workshop-file.md) for the board benchmark: the
// structure of workshops/examples/aikuissosiaalityo.polku, five touchpoints, `count` notes laid
// out in the board's columns (x = 160 + col*260 - 100, y = 230 + row*126), sentiments mixed.

const TOUCHPOINTS = [
  ["Ensimmäinen yhteydenotto", "before"],
  ["Asiakkuus alkaa", "during"],
  ["Tauko", "during"],
  ["Tiiviimpi asiakkuus", "during"],
  ["Asiakkuus päättyy", "after"],
];

const PHRASES = [
  "Ei tiedä mistä hakea apua",
  "Lomake oli sekava ja liian pitkä",
  "Työntekijä soitti takaisin samana päivänä",
  "Odotti vastausta kaksi viikkoa",
  "Sai selkeät ohjeet seuraavista askelista",
  "Ajanvaraus onnistui verkossa",
  "Ei ymmärtänyt päätöksen perusteluja",
  "Tuttu työntekijä vaihtui kesken kaiken",
  "Tapaaminen kotona tuntui turvalliselta",
  "Piti kertoa sama tarina monta kertaa",
  "Vertaistuki auttoi jaksamaan",
  "Yhteystiedot löytyivät helposti",
];

const SENTIMENTS = ["negative", "neutral", "positive"];

/** A valid, unique UUID (version 7 layout, like the example file) from a counter. */
export function uuidFor(n) {
  return `01954f00-b000-7000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** The workshop file as a JS object; its workshop id is `uuidFor(1)`. `boards` boards of `count` notes each. */
export function generateWorkshop(count, boards = 1) {
  let next = 1;
  const id = () => uuidFor(next++);
  const workshopId = id();
  const created = 1740787200000;
  const list = Array.from({ length: boards }, (_, position) => generateBoard(id, count, position, created));
  return {
    format: "polku.workshop",
    version: 1,
    exported_at: created + count * 1000,
    generator: "polku board benchmark",
    workshop: {
      id: workshopId,
      title: `Suorituskyky — ${boards > 1 ? `${boards} taulua × ` : ""}${count} muistilappua`,
      language: "fi",
      created_at: created,
      updated_at: created + count * 1000,
      boards: list,
      personas: [],
    },
  };
}

function generateBoard(id, count, position, created) {
  const boardId = id();
  const touchpoints = TOUCHPOINTS.map(([label, phase], position) => ({
    id: id(),
    board_id: boardId,
    position,
    label,
    phase,
    version: 1,
  }));
  const cols = touchpoints.length;
  const notes = [];
  for (let i = 0; i < count; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    // Mixed, not striped: the sentiment does not follow the column.
    const sentiment = SENTIMENTS[(i * 7 + row) % 3];
    const phrase = PHRASES[(i * 5 + row) % PHRASES.length];
    const text = `${phrase} (${i + 1})`;
    notes.push({
      id: id(),
      board_id: boardId,
      touchpoint_id: touchpoints[col].id,
      lane_id: null,
      persona_id: null,
      sentiment,
      text,
      x: 160 + col * 260 - 100,
      y: 230 + row * 126,
      version: 1,
      created_at: created + i * 1000,
      updated_at: created + i * 1000,
    });
  }
  return { id: boardId, kind: "service_path", title: position === 0 ? "Palvelupolku" : `Taulu ${position + 1}`, position, touchpoints, lanes: [], notes };
}
