//! A facilitator's own templates: a workshop (or one board) saved as its structure, read back from
//! its file and laid out again, with nothing the group wrote about people coming along.

mod common;

use common::apply;
use polku_core::own_template::{is_own_id, own_id, read_file, MAX_TEMPLATE_BYTES};
use polku_core::template::{built_in, Template, TemplateKind};
use polku_core::*;

/// Words that must never leave the workshop in a template: each unique, so a search of the file
/// finds any of them.
const SECRETS: [&str; 9] = [
    "MUISTILAPPU-7731",
    "PERSOONA-8842",
    "KÄVELY-9953",
    "KUVAUS-1064",
    "PAIKKA-2175",
    "YHTEENVETO-3286",
    "2025-03-18T13:00",
    "SITAATTI-4397",
    "ESTEET-5408",
];

fn ids() -> impl FnMut() -> Id {
    let mut n = 0u128;
    move || {
        n += 1;
        Id::from_u128(n)
    }
}

/// The five-session programme, renamed here and there by the group, with everything a real
/// workshop holds about people: notes, a persona walked along the path, a session written up.
fn lived_in_workshop() -> Workshop {
    let programme = built_in("co-development-five-sessions").unwrap();
    let mut w = programme.instantiate("Aikuissosiaalityö", Language::Fi, 1_000, &mut ids());
    let path = w.boards.iter().position(|b| b.kind == BoardKind::ServicePath).unwrap();
    let b = &mut w.boards[path];
    b.touchpoints[0].label = "Ensimmäinen soitto".into();
    b.touchpoints[1].description = SECRETS[3].into();
    b.lanes.push(Lane {
        id: Id::from_u128(7_000),
        board_id: b.id,
        position: 0,
        label: "Tunteet".into(),
        height: 180.0,
        line_above: String::new(),
        original_label: String::new(),
        original_line: String::new(),
        version: 1,
    });
    let (board, tp) = (b.id, b.touchpoints[1].id);
    b.notes.push(Note {
        id: Id::from_u128(7_001),
        board_id: board,
        touchpoint_id: Some(tp),
        lane_id: None,
        persona_id: Some(Id::from_u128(7_002)),
        session_id: Some(w.sessions[0].id),
        kind: NoteKind::Observation,
        sentiment: Some(Sentiment::Negative),
        text: SECRETS[0].into(),
        x: 0.0,
        y: 0.0,
        face_down: false,
        author: None,
        version: 1,
        created_at: 1,
        updated_at: 1,
    });
    let mut fields = PersonaFields::named(SECRETS[1]);
    fields.quote = SECRETS[7].into();
    w.personas.push(Persona { id: Id::from_u128(7_002), fields, version: 1, created_at: 1, updated_at: 1 });
    w.walkthroughs.push(Walkthrough {
        id: Id::from_u128(7_003),
        persona_id: Id::from_u128(7_002),
        board_id: board,
        at_touchpoint_id: Some(tp),
        version: 1,
        created_at: 1,
        updated_at: 1,
    });
    let record = StepRecord { emotion: Some(-2), happens: SECRETS[2].into(), barriers: SECRETS[8].into(), ideas: String::new(), skipped: false };
    w.walk_steps.push(WalkStep { id: Id::from_u128(7_004), walkthrough_id: Id::from_u128(7_003), touchpoint_id: tp, record, version: 1, updated_at: 1 });
    let s = &mut w.sessions[0].fields;
    s.starts_at = Some(SECRETS[6].into());
    s.place = SECRETS[4].into();
    s.summary = SECRETS[5].into();
    s.attendance = Attendance { clients: Some(4), workers: Some(2), ..Default::default() };
    s.goal = String::new();
    w
}

/// What a board is made of, by label, in order: what a template must carry over.
fn shape(b: &Board) -> (BoardKind, String, Vec<(String, bool, String)>, Vec<(String, Option<usize>, bool)>, Vec<(String, String)>) {
    let phase_at = |id: Option<Id>| id.and_then(|p| b.phases.iter().position(|x| x.id == p));
    (
        b.kind,
        b.title.clone(),
        b.phases.iter().map(|p| (p.label.clone(), p.stacked, p.caption.clone())).collect(),
        b.touchpoints.iter().map(|t| (t.label.clone(), phase_at(t.phase_id), t.side_station)).collect(),
        b.lanes.iter().map(|l| (l.label.clone(), l.line_above.clone())).collect(),
    )
}

/// Each session's title, goal and agenda, the boards named by their place in the strip.
fn programme(w: &Workshop) -> Vec<(String, String, Vec<(String, Option<u32>, String, Option<usize>)>)> {
    let board_at = |id: Option<Id>| id.and_then(|b| w.boards.iter().position(|x| x.id == b));
    w.sessions
        .iter()
        .map(|s| {
            let agenda = s.fields.agenda.iter().map(|a| (a.title.clone(), a.minutes, a.instructions.clone(), board_at(a.board_id))).collect();
            (s.fields.title.clone(), s.fields.goal.clone(), agenda)
        })
        .collect()
}

#[test]
fn a_workshop_comes_back_from_its_template_with_the_same_structure_and_programme() {
    let w = lived_in_workshop();
    let id = own_id(Id::from_u128(99));
    let t = Template::from_workshop(&w, &id, "Meidän ohjelma", "Viisi kertaa, kuten keväällä");
    let back = read_file(&t.to_json()).expect("an own template reads back");
    assert_eq!((back.id.as_str(), back.kind), (id.as_str(), TemplateKind::Workshop));
    assert!(back.summary().own);

    // Laid out in another UI language, the group's words stay theirs.
    let again = back.instantiate("Syksyn ryhmä", Language::En, 2_000, &mut ids());
    assert_eq!(again.boards.iter().map(shape).collect::<Vec<_>>(), w.boards.iter().map(shape).collect::<Vec<_>>());
    assert_eq!(programme(&again), programme(&w));
    assert_eq!(again.boards[2].touchpoints[0].label, "Ensimmäinen soitto");
    assert_eq!(again.boards[2].touchpoints[0].original_label, "Ensimmäinen soitto", "the group's words are its labels to go back to");
    assert!(again.sessions[0].fields.goal.is_empty() && !again.sessions[1].fields.goal.is_empty());
    assert!(again.boards.iter().any(|b| b.phases.iter().any(|p| p.stacked && !p.caption.is_empty())), "a canvas keeps its boxes and band");
    assert!(again.boards.iter().all(|b| b.notes.is_empty() && b.touchpoints.iter().all(|t| t.description.is_empty())));
    assert!(again.personas.is_empty() && again.walkthroughs.is_empty() && again.walk_steps.is_empty());
    let s = &again.sessions[0].fields;
    assert!(s.starts_at.is_none() && s.place.is_empty() && s.summary.is_empty() && s.attendance == Attendance::default());
}

#[test]
fn nothing_said_about_people_reaches_the_file() {
    let w = lived_in_workshop();
    let path = w.boards.iter().find(|b| b.kind == BoardKind::ServicePath).unwrap();
    for json in [
        Template::from_workshop(&w, &own_id(Id::from_u128(1)), "Ohjelma", "Kuvaus").to_json(),
        Template::from_board(path, &own_id(Id::from_u128(2)), "Polku", "Kuvaus").to_json(),
    ] {
        for secret in SECRETS {
            assert!(!json.contains(secret), "{secret} leaked into {json}");
        }
        for id in [path.id, path.touchpoints[0].id, w.sessions[0].id, w.personas[0].id] {
            assert!(!json.contains(&id.to_string()), "an id of the workshop leaked");
        }
    }
}

#[test]
fn a_board_template_lays_out_the_board_as_it_was() {
    let w = lived_in_workshop();
    for b in &w.boards {
        let t = Template::from_board(b, &own_id(Id::from_u128(3)), "Oma pohja", "Yksi taulu");
        let back = read_file(&t.to_json()).unwrap();
        assert_eq!((back.kind, back.boards.len(), back.sessions.len()), (TemplateKind::Board, 1, 0));
        let laid = back.boards[0].lay_out(Id::from_u128(5_000), 0, Language::Sv, &mut ids());
        assert_eq!(shape(&laid), shape(b), "{:?}", b.kind);
    }
}

#[test]
fn an_own_board_template_makes_a_board_through_the_planner_and_undo_takes_it_back() {
    let mut w = common::workshop("Ohjelma");
    let canvas = built_in("journey-canvas").unwrap().boards[0].lay_out(Id::from_u128(800), 1, Language::Fi, &mut ids());
    let t = Template::from_board(&canvas, &own_id(Id::from_u128(4)), "Kanvaasi", "Meidän kanvaasi");
    let doc = Library { w: &w, own: vec![t.clone()] };
    let op = Op::CreateBoard { board: NewBoard { id: Id::from_u128(900), index: 1, title: "Kanvaasi".into(), from: BoardSource::Template { template: t.id.clone() } } };
    let changes = plan(&op, &doc, 5).unwrap();
    w.commit(&changes, 5);
    assert_eq!(shape(&w.boards[1]).2, shape(&canvas).2);
    assert_eq!(w.boards[1].kind, BoardKind::JourneyCanvas);
    for op in undo_ops(&changes) {
        apply(&mut w, op, 6);
    }
    assert_eq!(w.boards.len(), 1, "undo took the board and everything on it");
    assert!(plan(&op, &w, 7).is_err(), "a workshop that does not know the template refuses it");
}

#[test]
fn shared_files_are_checked_whole() {
    let w = lived_in_workshop();
    let good = Template::from_workshop(&w, &own_id(Id::from_u128(1)), "Ohjelma", "Kuvaus").to_json();
    let refused = |json: &str| read_file(json).unwrap_err();
    assert_eq!(refused("{").field, "template_file");
    assert_eq!(refused(&good.replace("\"version\": 1", "\"version\": 2")).field, "template_version");
    assert_eq!(refused(&" ".repeat(MAX_TEMPLATE_BYTES + 1)).field, "template_size");
    let long = "x".repeat(MAX_LABEL + 1);
    let e = refused(&good.replacen("Ensimmäinen soitto", &long, 3));
    assert!(e.message.contains("boards[2].touchpoints[0].label"), "{}", e.message);
    assert!(refused(&good.replace("\"kind\": \"workshop\"", "\"kind\": \"board\"")).message.contains("one board"));
    assert_eq!(refused(&good.replace("Kuvaus", "")).field, "template_file");
    assert!(refused(&good.replace("Kuvaus", &"k".repeat(301))).message.starts_with("description"));
    assert!(refused(&good.replace("\"minutes\": 15", "\"minutes\": 6000")).message.contains("minutes"));
    assert!(refused(&good.replace("\"Ohjelma\"", "\"a\\u0000b\"")).message.starts_with("title"));
}

#[test]
fn own_ids_never_name_a_built_in_template() {
    assert!(is_own_id(&own_id(Id::now_v7())));
    assert!(!is_own_id("own-") && !is_own_id("own-../../etc") && !is_own_id("service-path"));
    assert!(template::built_ins().iter().all(|t| !is_own_id(&t.id) && !t.summary().own));
}

/// The workshop, and a library's own templates beside the built-in ones, as the store reads them.
struct Library<'a> {
    w: &'a Workshop,
    own: Vec<Template>,
}

impl DocRead for Library<'_> {
    fn template(&self, id: &str) -> Option<Template> {
        self.own.iter().find(|t| t.id == id).cloned().or_else(|| template::built_in(id))
    }
    fn language(&self) -> Language {
        self.w.language()
    }
    fn board_info(&self, id: Id) -> Option<BoardInfo> {
        self.w.board_info(id)
    }
    fn boards(&self) -> Vec<BoardInfo> {
        self.w.boards()
    }
    fn session(&self, id: Id) -> Option<Session> {
        self.w.session(id)
    }
    fn sessions(&self) -> Vec<Session> {
        self.w.sessions()
    }
    fn vote(&self, id: Id) -> Option<Vote> {
        self.w.vote(id)
    }
    fn votes(&self) -> Vec<Vote> {
        self.w.votes()
    }
    fn note(&self, id: Id) -> Option<Note> {
        self.w.note(id)
    }
    fn touchpoint(&self, id: Id) -> Option<Touchpoint> {
        self.w.touchpoint(id)
    }
    fn lane(&self, id: Id) -> Option<Lane> {
        self.w.lane(id)
    }
    fn phase(&self, id: Id) -> Option<Phase> {
        self.w.phase(id)
    }
    fn persona(&self, id: Id) -> Option<Persona> {
        self.w.persona(id)
    }
    fn walkthrough(&self, id: Id) -> Option<Walkthrough> {
        self.w.walkthrough(id)
    }
    fn walkthroughs_of(&self, persona: Id) -> Vec<Walkthrough> {
        self.w.walkthroughs_of(persona)
    }
    fn walkthroughs_at(&self, touchpoint: Id) -> Vec<Walkthrough> {
        self.w.walkthroughs_at(touchpoint)
    }
    fn walkthroughs_on(&self, board: Id) -> Vec<Walkthrough> {
        self.w.walkthroughs_on(board)
    }
    fn walk_step(&self, id: Id) -> Option<WalkStep> {
        self.w.walk_step(id)
    }
    fn walk_steps(&self, filter: StepFilter) -> Vec<WalkStep> {
        self.w.walk_steps(filter)
    }
    fn persona_notes(&self, persona: Id) -> Vec<Note> {
        self.w.persona_notes(persona)
    }
    fn session_notes(&self, session: Id) -> Vec<Note> {
        self.w.session_notes(session)
    }
    fn touchpoints(&self, board: Id) -> Vec<Touchpoint> {
        self.w.touchpoints(board)
    }
    fn lanes(&self, board: Id) -> Vec<Lane> {
        self.w.lanes(board)
    }
    fn phases(&self, board: Id) -> Vec<Phase> {
        self.w.phases(board)
    }
    fn notes_in(&self, board: Id, filter: NoteFilter) -> Vec<Note> {
        self.w.notes_in(board, filter)
    }
}
