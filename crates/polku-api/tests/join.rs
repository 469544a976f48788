//! Joining from a phone: the link's token and the short code, devices let in, asked about,
//! removed and revoked, and what a device may do to notes.

mod common;

use common::*;
use polku_api::{ErrorCode, Event, JoinInviteRequest, CODE_FAILURES_PER_MINUTE};
use serde_json::{json, Value};

fn token(status: &Value) -> String {
    status["token"].as_str().unwrap().to_string()
}

fn note_args(room: &Room, text: &str) -> Value {
    let b = room.board(0);
    json!({"op_id": op_id(), "board_id": b["id"], "touchpoint_id": b["touchpoints"][0]["id"], "tone": "positive", "text": text})
}

fn notes_on_board(room: &Room) -> Vec<Value> {
    let w = room.host.call("open_workshop", json!({"id": room.id()})).unwrap();
    w["boards"][0]["notes"].as_array().unwrap().clone()
}

/// A second, blank board made by the facilitator; its id.
fn add_board(room: &Room) -> Value {
    let id = uuid::Uuid::now_v7();
    let op = json!({"type": "create_board", "board": {"id": id, "index": 1, "title": "Toinen", "from": {"type": "blank", "kind": "grid"}}});
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op})).unwrap();
    json!(id)
}

#[test]
fn the_link_is_a_long_random_token_and_the_code_is_short() {
    let room = Room::new();
    let s = room.open_join(json!({}));
    let t = token(&s);
    assert!(t.len() >= 26, "at least 128 bits in base32: {t}");
    assert!(t.chars().all(|c| c.is_ascii_alphanumeric()), "URL-safe: {t}");
    assert_eq!(s["link"], json!(format!("/j/{t}")));
    let code = s["code"].as_str().unwrap();
    assert_eq!((code.len(), &code[4..5]), (9, "-"), "{code}");
    assert_eq!(s["boards"], json!([room.board(0)["id"]]), "the facilitator's board when none are chosen");
    // Another workshop, another token; opening again keeps the link already shown.
    let other = Room::new();
    assert_ne!(token(&other.open_join(json!({}))), t);
    assert_eq!(token(&room.open_join(json!({"show_others": true}))), t);
}

#[test]
fn token_and_code_both_let_a_phone_in() {
    let room = Room::new();
    let s = room.open_join(json!({}));
    let invite = room.host.join_invite(Some(room.at()), &JoinInviteRequest { key: token(&s) }).unwrap();
    assert_eq!(invite.title, "Palvelupolku");
    assert!(!invite.nickname.is_empty());
    let a = room.join(&token(&s), &invite.nickname).unwrap();
    // Typed on a phone: small letters, no dash.
    let typed = s["code"].as_str().unwrap().replace('-', "").to_lowercase();
    let b = room.join(&typed, "Vihreä siili").unwrap();
    assert!(!a.pending && !b.pending);
    assert_ne!(a.secret, b.secret);
    assert!(a.secret.len() >= 26);
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    assert_eq!(view["title"], "Palvelupolku");
    assert_eq!(view["nickname"], invite.nickname);
    let st = room.status();
    assert_eq!((st["joined"].as_u64(), st["waiting"].as_u64()), (Some(2), Some(0)));
    assert_eq!(st["devices"][1]["nickname"], "Vihreä siili");
}

#[test]
fn a_wrong_token_opens_nothing() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let mut wrong = t.clone();
    wrong.replace_range(..1, if t.starts_with('A') { "B" } else { "A" });
    for key in [wrong.as_str(), "", &t[..t.len() - 1], "/j/../api"] {
        assert_refused(room.join(key, "Kettu").map(|_| json!(null)), ErrorCode::Forbidden, "join");
    }
    assert_eq!(room.status()["devices"], json!([]));
}

#[test]
fn closing_revokes_the_link_and_every_device() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let d = room.join(&t, "Kettu").unwrap();
    let s = room.host.call("close_join", json!({"workshop_id": room.id()})).unwrap();
    assert_eq!(s["open"], false);
    assert_refused(room.host.call_as(&phone(&d), "participant_view", json!({})), ErrorCode::Forbidden, "device");
    assert_refused(room.join(&t, "Kettu").map(|_| json!(null)), ErrorCode::Forbidden, "join");
    // Opened again: a new link; the old one stays dead.
    let again = token(&room.open_join(json!({})));
    assert_ne!(again, t);
    assert_refused(room.join(&t, "Kettu").map(|_| json!(null)), ErrorCode::Forbidden, "join");
}

#[test]
fn deleting_the_workshop_closes_its_join() {
    let room = Room::new();
    let d = room.join(&token(&room.open_join(json!({}))), "Kettu").unwrap();
    room.host.call("delete_workshop", json!({"id": room.id()})).unwrap();
    assert_eq!(room.status()["open"], false);
    assert_refused(room.host.call_as(&phone(&d), "participant_view", json!({})), ErrorCode::Forbidden, "device");
}

#[test]
fn a_removed_device_is_refused_at_once_and_others_stay() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let (a, b) = (room.join(&t, "Kettu").unwrap(), room.join(&t, "Siili").unwrap());
    let mut events = room.host.subscribe();
    room.host.call("remove_device", json!({"workshop_id": room.id(), "device_id": a.device_id})).unwrap();
    assert_eq!(events.try_recv().unwrap(), Event::JoinChanged { workshop_id: a.workshop_id });
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "x")), ErrorCode::Forbidden, "device");
    assert!(room.host.call_as(&phone(&b), "participant_view", json!({})).is_ok());
    assert!(notes_on_board(&room).is_empty());
}

#[test]
fn ask_first_keeps_a_device_waiting_until_accepted_or_declined() {
    let room = Room::new();
    let t = token(&room.open_join(json!({"ask_first": true})));
    let mut events = room.host.subscribe();
    let a = room.join(&t, "Kettu").unwrap();
    let b = room.join(&t, "Siili").unwrap();
    assert!(a.pending && b.pending);
    assert_eq!(events.try_recv().unwrap(), Event::JoinChanged { workshop_id: a.workshop_id });
    let st = room.status();
    assert_eq!((st["joined"].as_u64(), st["waiting"].as_u64()), (Some(0), Some(2)));
    assert_refused(room.host.call_as(&phone(&a), "participant_view", json!({})), ErrorCode::Forbidden, "pending");
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "x")), ErrorCode::Forbidden, "pending");
    room.host.call("answer_join", json!({"workshop_id": room.id(), "device_id": a.device_id, "accept": true})).unwrap();
    room.host.call("answer_join", json!({"workshop_id": room.id(), "device_id": b.device_id, "accept": false})).unwrap();
    assert!(room.host.call_as(&phone(&a), "participant_view", json!({})).is_ok());
    assert_refused(room.host.call_as(&phone(&b), "participant_view", json!({})), ErrorCode::Forbidden, "device");
    let st = room.status();
    assert_eq!((st["joined"].as_u64(), st["waiting"].as_u64()), (Some(1), Some(0)));
    assert!(notes_on_board(&room).is_empty());
}

#[test]
fn a_participant_changes_only_their_own_notes() {
    let room = Room::new();
    let t = token(&room.open_join(json!({"show_others": true})));
    let (a, b) = (room.join(&t, "Kettu").unwrap(), room.join(&t, "Siili").unwrap());
    let mut events = room.host.subscribe();
    let mine = room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Jono oli pitkä")).unwrap();
    match events.try_recv().unwrap() {
        Event::Changed { client_id, .. } => assert_eq!(client_id, "participants", "no device in the change stream"),
        other => panic!("{other:?}"),
    }
    let id = mine["id"].clone();
    let edit = json!({"op_id": op_id(), "note_id": id, "text": "Jono oli tosi pitkä", "tone": "negative"});
    let edited = room.host.call_as(&phone(&a), "participant_update_note", edit).unwrap();
    assert_eq!((edited["text"].as_str(), edited["tone"].as_str()), (Some("Jono oli tosi pitkä"), Some("negative")));

    let before = room.snapshot();
    let foreign = json!({"op_id": op_id(), "note_id": id, "text": "hijacked"});
    assert_refused(room.host.call_as(&phone(&b), "participant_update_note", foreign), ErrorCode::Forbidden, "note");
    let foreign = json!({"op_id": op_id(), "note_id": id});
    assert_refused(room.host.call_as(&phone(&b), "participant_delete_note", foreign), ErrorCode::Forbidden, "note");
    assert_eq!(room.snapshot(), before, "a refused edit changed something");
    // b sees it, not as theirs.
    let view = room.host.call_as(&phone(&b), "participant_view", json!({})).unwrap();
    assert_eq!(view["boards"][0]["notes"][0]["mine"], false);

    room.host.call_as(&phone(&a), "participant_delete_note", json!({"op_id": op_id(), "note_id": id})).unwrap();
    assert!(notes_on_board(&room).is_empty());
}

#[test]
fn facilitators_notes_cannot_be_changed_from_a_phone() {
    let room = Room::new();
    let t = token(&room.open_join(json!({"show_others": true})));
    let a = room.join(&t, "Kettu").unwrap();
    let b = room.board(0);
    let note_id = uuid::Uuid::now_v7();
    let op = json!({"type": "create_note", "note": {"id": note_id, "board_id": b["id"], "touchpoint_id": b["touchpoints"][0]["id"],
        "lane_id": null, "persona_id": null, "kind": "idea", "sentiment": null, "text": "Fasilitaattorin", "x": 0.0, "y": 0.0}});
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op})).unwrap();
    let before = room.snapshot();
    assert_refused(
        room.host.call_as(&phone(&a), "participant_delete_note", json!({"op_id": op_id(), "note_id": note_id})),
        ErrorCode::Forbidden,
        "note",
    );
    assert_eq!(room.snapshot(), before);
}

#[test]
fn a_retried_op_id_makes_one_note() {
    let room = Room::new();
    let a = room.join(&token(&room.open_join(json!({}))), "Kettu").unwrap();
    let args = note_args(&room, "Sama lappu");
    let first = room.host.call_as(&phone(&a), "participant_add_note", args.clone()).unwrap();
    let again = room.host.call_as(&phone(&a), "participant_add_note", args).unwrap();
    assert_eq!(first, again);
    assert_eq!(notes_on_board(&room).len(), 1);
    let del = json!({"op_id": op_id(), "note_id": first["id"]});
    room.host.call_as(&phone(&a), "participant_delete_note", del.clone()).unwrap();
    room.host.call_as(&phone(&a), "participant_delete_note", del).unwrap();
    assert!(notes_on_board(&room).is_empty());
}

#[test]
fn notes_from_phones_stack_in_their_cell_without_covering_each_other() {
    let room = Room::new();
    let a = room.join(&token(&room.open_join(json!({}))), "Kettu").unwrap();
    let lane = room.board(0)["lanes"][0]["id"].clone();
    for text in ["yksi", "kaksi", "kolme"] {
        let mut args = note_args(&room, text);
        args["lane_id"] = lane.clone();
        room.host.call_as(&phone(&a), "participant_add_note", args).unwrap();
    }
    let mut ys: Vec<f64> = notes_on_board(&room).iter().map(|n| n["y"].as_f64().unwrap()).collect();
    ys.sort_by(f64::total_cmp);
    assert!(ys.windows(2).all(|w| w[1] - w[0] >= polku_core::layout::NOTE_H), "{ys:?}");
    assert!(notes_on_board(&room).iter().all(|n| n["lane_id"] == lane && n["persona_id"].is_null()));
}

#[test]
fn a_participant_sees_only_the_allowed_boards_and_by_choice_others_notes() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let (a, b) = (room.join(&t, "Kettu").unwrap(), room.join(&t, "Siili").unwrap());
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Oma")).unwrap();
    let view = room.host.call_as(&phone(&b), "participant_view", json!({})).unwrap();
    assert_eq!(view["boards"].as_array().unwrap().len(), 1);
    let places = view["boards"][0]["places"].as_array().unwrap();
    assert_eq!(places.len(), room.board(0)["touchpoints"].as_array().unwrap().len());
    assert_eq!(view["boards"][0]["notes"], json!([]), "others' notes hidden unless shown");
    room.host.call("set_join_boards", json!({"workshop_id": room.id(), "boards": [room.board(0)["id"]], "show_others": true, "locked": []})).unwrap();
    let view = room.host.call_as(&phone(&b), "participant_view", json!({})).unwrap();
    assert_eq!(view["boards"][0]["notes"][0]["text"], "Oma");
    // A board not chosen for them is out of reach.
    let other_board = add_board(&room);
    let mut args = note_args(&room, "Väärälle taululle");
    args["board_id"] = other_board.clone();
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", args.clone()), ErrorCode::Forbidden, "board");
    room.host.call("follow_board", json!({"workshop_id": room.id(), "board_id": room.board(0)["id"]})).unwrap();
    let view = room.host.call_as(&phone(&b), "participant_view", json!({})).unwrap();
    assert_eq!(view["follow"], room.board(0)["id"]);
    // Following, the facilitator moves to the other board: participants see it and may add to it.
    let s = room.host.call("follow_board", json!({"workshop_id": room.id(), "board_id": other_board})).unwrap();
    assert_eq!(s["boards"], json!([room.board(0)["id"], other_board]));
    let view = room.host.call_as(&phone(&b), "participant_view", json!({})).unwrap();
    assert_eq!((view["follow"].clone(), view["boards"].as_array().unwrap().len()), (other_board.clone(), 2));
    // Past the board's gate now: refused only because that blank board has no such place.
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", args), ErrorCode::NotFound, "touchpoint");
    // A board of no workshop here is not followed.
    let stranger = json!({"workshop_id": room.id(), "board_id": uuid::Uuid::now_v7()});
    assert_refused(room.host.call("follow_board", stranger), ErrorCode::NotFound, "board");
}

#[test]
fn bringing_everyone_moves_each_phone_once_and_tells_the_facilitators_other_screens() {
    let room = Room::new();
    let other = add_board(&room);
    let mut events = room.host.subscribe();
    // No join open: the facilitator's other screens still hear of it.
    let bring = |board: &Value, place: Value| json!({"workshop_id": room.id(), "board_id": board, "touchpoint_id": place, "client_id": "desk"});
    room.host.call("bring_everyone", bring(&other, Value::Null)).unwrap();
    match events.try_recv().unwrap() {
        Event::Brought { board_id, touchpoint_id, client_id, .. } => assert_eq!((json!(board_id), touchpoint_id, client_id.as_str()), (other.clone(), None, "desk")),
        e => panic!("{e:?}"),
    }

    let t = token(&room.open_join(json!({})));
    let a = room.join(&t, "Kettu").unwrap();
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    assert_eq!((view["bring"].clone(), view["boards"].as_array().unwrap().len()), (Value::Null, 1));
    let first = room.board(0)["id"].clone();
    let place = room.board(0)["touchpoints"][2]["id"].clone();
    room.host.call("bring_everyone", bring(&other, Value::Null)).unwrap();
    room.host.call("bring_everyone", bring(&first, place.clone())).unwrap();
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    assert_eq!(view["bring"], json!({"n": 2, "board_id": first, "touchpoint_id": place}));
    assert_eq!(view["boards"].as_array().unwrap().len(), 2, "the board brought to became one of theirs");
    assert_eq!(view["follow"], Value::Null, "brought once, not kept following");

    // Only places of this workshop's board; never from a phone.
    assert_refused(room.host.call("bring_everyone", bring(&other, place.clone())), ErrorCode::NotFound, "touchpoint");
    assert_refused(room.host.call("bring_everyone", bring(&json!(uuid::Uuid::now_v7()), Value::Null)), ErrorCode::NotFound, "board");
    assert_refused(room.host.call_as(&phone(&a), "bring_everyone", bring(&first, Value::Null)), ErrorCode::Forbidden, "participant");
}

#[test]
fn a_running_session_reaches_the_phones_with_the_servers_clock() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let a = room.join(&t, "Kettu").unwrap();
    assert_eq!(room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap()["live"], Value::Null);
    let (session, item) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    let fields = json!({"title": "Kerta 1", "starts_at": null, "place": "", "goal": "Sisäinen tavoite", "summary": "Ei puhelimille",
        "attendance": {"clients": 4, "experts_by_experience": null, "workers": null, "facilitators": null},
        "agenda": [{"id": item, "title": "Hiljainen kirjoitus", "minutes": 5, "instructions": "Yksi asia per lappu", "board_id": null}]});
    let apply = |op: Value| room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "skip", "op": op})).unwrap();
    apply(json!({"type": "create_session", "session": {"id": session, "index": 0, "fields": fields}}));
    apply(json!({"type": "run_session", "id": session, "step": {"do": "start"}}));
    apply(json!({"type": "run_session", "id": session, "step": {"do": "start_timer"}}));
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    let live = &view["live"];
    assert_eq!((live["session_title"].as_str(), live["item_title"].as_str(), live["instructions"].as_str()), (Some("Kerta 1"), Some("Hiljainen kirjoitus"), Some("Yksi asia per lappu")));
    assert_eq!(live["timer"]["length_ms"], 300_000);
    assert!(live["now"].as_i64().unwrap() >= live["timer"]["running_since"].as_i64().unwrap());
    // The plan's words for the facilitator stay off the phone.
    let text = view.to_string();
    assert!(!text.contains("Sisäinen tavoite") && !text.contains("Ei puhelimille") && !text.contains("attendance"), "{text}");
    // A note from a phone while the session runs is that session's, as the facilitator's are.
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Kerran aikana")).unwrap();
    let written = notes_on_board(&room).into_iter().find(|n| n["text"] == "Kerran aikana").unwrap();
    assert_eq!(written["session_id"], json!(session));
    apply(json!({"type": "run_session", "id": session, "step": {"do": "end"}}));
    assert_eq!(room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap()["live"], Value::Null);
}

#[test]
fn privately_written_notes_reach_other_phones_as_a_count_until_the_reveal() {
    let room = Room::new();
    let t = token(&room.open_join(json!({"show_others": true})));
    let (a, b) = (room.join(&t, "Kettu").unwrap(), room.join(&t, "Siili").unwrap());
    let board = room.board(0)["id"].clone();
    let apply = |op: Value| room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op}));
    apply(json!({"type": "update_board", "id": board, "patch": {"writing": {"since": 1, "touchpoint_id": null}}})).unwrap();
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Salainen ajatus")).unwrap();
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Toinen salainen")).unwrap();

    let mine = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    assert_eq!(mine["boards"][0]["notes"].as_array().unwrap().len(), 2, "the author sees their own");
    assert_eq!(mine["boards"][0]["writing"], true);
    let theirs = room.host.call_as(&phone(&b), "participant_view", json!({})).unwrap();
    assert!(!theirs.to_string().contains("salainen"), "{theirs}");
    assert_eq!(theirs["boards"][0]["notes"], json!([]));
    assert_eq!(theirs["boards"][0]["face_down"], json!([{"touchpoint_id": room.board(0)["touchpoints"][0]["id"], "count": 2}]));

    apply(json!({"type": "reveal_notes", "board_id": board})).unwrap();
    let theirs = room.host.call_as(&phone(&b), "participant_view", json!({})).unwrap();
    assert_eq!(theirs["boards"][0]["notes"].as_array().unwrap().len(), 2);
    assert_eq!((theirs["boards"][0]["face_down"].clone(), theirs["boards"][0]["writing"].clone()), (json!([]), json!(false)));
}

#[test]
fn phones_vote_with_their_dots_and_see_the_results_only_at_the_end() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let phones: Vec<_> = ["Kettu", "Siili", "Orava"].iter().map(|n| room.join(&t, n).unwrap()).collect();
    for (i, p) in phones.iter().enumerate() {
        room.host.call_as(&phone(p), "participant_add_note", note_args(&room, &format!("Idea {i}"))).unwrap();
    }
    let vote = uuid::Uuid::now_v7();
    let settings = json!({"on": {"type": "board"}, "dots": 3, "several_per_target": false, "hidden": true, "screen": "turns", "ends_at": null});
    let apply = |op: Value| room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op}));
    apply(json!({"type": "create_vote", "vote": {"id": vote, "board_id": room.board(0)["id"], "settings": settings, "session_id": null}})).unwrap();
    let view = room.host.call_as(&phone(&phones[0]), "participant_view", json!({})).unwrap();
    let targets: Vec<Value> = view["votes"][0]["targets"].as_array().unwrap().iter().map(|t| t["id"].clone()).collect();
    assert_eq!(targets.len(), 3);
    let dot = |p: &polku_api::Joined, target: &Value, delta: i32| room.host.call_as(&phone(p), "participant_vote", json!({"op_id": op_id(), "vote_id": vote, "target_id": target, "delta": delta}));
    for p in &phones {
        for target in &targets {
            let v = dot(p, target, 1).unwrap();
            assert_eq!(v["targets"].as_array().unwrap().iter().map(|t| t["count"].clone()).collect::<Vec<_>>(), [Value::Null, Value::Null, Value::Null], "hidden until the end");
        }
    }
    assert_refused(dot(&phones[0], &targets[0], 1), ErrorCode::Validation, "dots_left");
    let back = dot(&phones[0], &targets[0], -1).unwrap();
    assert_eq!((back["used"].clone(), back["targets"][0]["mine"].clone()), (json!(2), json!(0)));
    // One dot per note in this vote; and an op sent twice (a phone's retry) takes back one dot, not two.
    let again = json!({"op_id": op_id(), "vote_id": vote, "target_id": targets[1], "delta": 1});
    assert_refused(room.host.call_as(&phone(&phones[0]), "participant_vote", again.clone()), ErrorCode::Validation, "several");
    let give_back = json!({"op_id": op_id(), "vote_id": vote, "target_id": targets[2], "delta": -1});
    room.host.call_as(&phone(&phones[1]), "participant_vote", give_back.clone()).unwrap();
    room.host.call_as(&phone(&phones[1]), "participant_vote", give_back).unwrap();
    // The shared screen in turns: the first turn's own three dots.
    let screen = |target: &Value| room.host.call("cast_vote", json!({"workshop_id": room.id(), "vote_id": vote, "target_id": target, "delta": 1, "op_id": op_id(), "client_id": "desk"}));
    screen(&targets[2]).unwrap();
    let turn = room.host.call("vote_turn", json!({"workshop_id": room.id(), "vote_id": vote})).unwrap();
    assert_eq!((turn["turn"].clone(), turn["used"].clone()), (json!(1), json!(1)));

    apply(json!({"type": "end_vote", "id": vote})).unwrap();
    let view = room.host.call_as(&phone(&phones[2]), "participant_view", json!({})).unwrap();
    let ended = &view["votes"][0];
    assert_eq!(ended["open"], false);
    let counts: Vec<(Value, Value)> = ended["targets"].as_array().unwrap().iter().map(|t| (t["count"].clone(), t["rank"].clone())).collect();
    assert_eq!(counts, [(json!(2), json!(3)), (json!(3), json!(1)), (json!(3), json!(1))], "tied first, then third");
    assert_refused(dot(&phones[2], &targets[0], 1), ErrorCode::Validation, "ended");
}

#[test]
fn a_locked_board_is_seen_but_not_changed_until_unlocked() {
    let room = Room::new();
    let t = token(&room.open_join(json!({"show_others": true})));
    let a = room.join(&t, "Kettu").unwrap();
    let note = room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Ennen lukitusta")).unwrap();
    let board = room.board(0)["id"].clone();
    let lock = |locked: Value| room.host.call("set_join_boards", json!({"workshop_id": room.id(), "boards": [board], "show_others": true, "locked": locked}));
    assert_eq!(lock(json!([board])).unwrap()["locked"], json!([board]));
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    assert_eq!((view["boards"][0]["locked"].clone(), view["boards"][0]["notes"][0]["text"].clone()), (json!(true), json!("Ennen lukitusta")));

    let before = room.snapshot();
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Myöhässä")), ErrorCode::Forbidden, "locked");
    let edit = json!({"op_id": op_id(), "note_id": note["id"], "text": "Muutettu"});
    assert_refused(room.host.call_as(&phone(&a), "participant_update_note", edit.clone()), ErrorCode::Forbidden, "locked");
    let del = json!({"op_id": op_id(), "note_id": note["id"]});
    assert_refused(room.host.call_as(&phone(&a), "participant_delete_note", del), ErrorCode::Forbidden, "locked");
    assert_eq!(room.snapshot(), before, "a locked board changed");

    // Only a board participants see can be locked.
    let other = add_board(&room);
    assert_eq!(lock(json!([other])).unwrap_err().field.as_deref(), Some("locked"));
    lock(json!([])).unwrap();
    assert_eq!(room.host.call_as(&phone(&a), "participant_update_note", edit).unwrap()["text"], "Muutettu");
}

#[test]
fn a_key_or_device_of_one_workshops_join_opens_nothing_on_anothers_listener() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let a = room.join(&t, "Kettu").unwrap();
    let other = room.host.call("create_workshop", json!({"title": "Toinen ryhmä", "language": "fi"})).unwrap();
    let other_id: polku_core::Id = other["id"].as_str().unwrap().parse().unwrap();
    let w = room.host.call("open_workshop", json!({"id": other["id"]})).unwrap();
    let s = room.host.call("open_join", json!({"workshop_id": other["id"], "board_id": w["boards"][0]["id"]})).unwrap();
    let code = s["code"].as_str().unwrap().to_string();

    // Room's link and code at the other workshop's listener, and the other's at room's.
    let refused = |at, key: &str| room.host.join(Some(at), &polku_api::JoinRequest { key: key.into(), nickname: "Orava".into() }).unwrap_err();
    assert_eq!(refused(other_id, &t).field.as_deref(), Some("join"));
    assert_eq!(refused(room.at(), &code).field.as_deref(), Some("join"));
    assert!(room.host.join_invite(Some(other_id), &JoinInviteRequest { key: t.clone() }).is_err());
    // Room's device calling through the other workshop's listener.
    let elsewhere = polku_api::Caller::Participant { secret: a.secret.clone(), at: other_id };
    let before = room.snapshot();
    assert_refused(room.host.call_as(&elsewhere, "participant_view", json!({})), ErrorCode::Forbidden, "device");
    let mut args = note_args(&room, "Väärä ovi");
    args["board_id"] = w["boards"][0]["id"].clone();
    assert_refused(room.host.call_as(&elsewhere, "participant_add_note", args), ErrorCode::Forbidden, "device");
    assert_eq!(room.snapshot(), before);
    assert_eq!(room.host.join(Some(other_id), &polku_api::JoinRequest { key: code, nickname: "Orava".into() }).unwrap().workshop_id, other_id);
}

#[test]
fn nicknames_are_one_short_line() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    for bad in ["", "   ", "kaksi\nriviä", "tab\tbed", "null\u{0}", &"x".repeat(41), "rivi\u{2028}erotin"] {
        assert_refused(room.join(&t, bad).map(|_| json!(null)), ErrorCode::Validation, "nickname");
    }
    assert_eq!(room.join(&t, &"ä".repeat(40)).unwrap().nickname.chars().count(), 40);
    assert_eq!(room.join(&t, "  Kettu  ").unwrap().nickname, "Kettu");
    assert_eq!(room.status()["devices"].as_array().unwrap().len(), 2);
}

#[test]
fn too_many_wrong_codes_stop_the_code_until_a_new_one_is_made() {
    let room = Room::new();
    let s = room.open_join(json!({}));
    let code = s["code"].as_str().unwrap().to_string();
    // Wrong guesses shaped like a code.
    let wrong: Vec<String> = (0..CODE_FAILURES_PER_MINUTE)
        .map(|i| format!("{:08}", i))
        .filter(|g| g.as_str() != code.replace('-', ""))
        .collect();
    for guess in &wrong[..wrong.len() - 1] {
        assert!(room.join(guess, "Arvaaja").is_err());
    }
    assert!(room.join(&code, "Kettu").is_ok(), "under the budget the right code still works");
    assert!(room.join(wrong.last().unwrap(), "Arvaaja").is_err());
    // The budget is spent: the right code no longer works, the link does.
    assert_refused(room.join(&code, "Siili").map(|_| json!(null)), ErrorCode::Forbidden, "join");
    assert_eq!(room.status()["code"], Value::Null);
    assert!(room.join(&token(&s), "Siili").is_ok());
    let renewed = room.host.call("renew_join_code", json!({"workshop_id": room.id()})).unwrap();
    let fresh = renewed["code"].as_str().unwrap();
    assert_ne!(fresh, code);
    assert!(room.join(fresh, "Orava").is_ok());
    assert_eq!(room.status()["devices"].as_array().unwrap().len(), 3);
}

#[test]
fn note_fields_are_bounded() {
    let room = Room::new();
    let a = room.join(&token(&room.open_join(json!({}))), "Kettu").unwrap();
    let long = note_args(&room, &"ä".repeat(polku_core::MAX_NOTE_TEXT + 1));
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", long), ErrorCode::Validation, "text");
    let mut extra = note_args(&room, "ok");
    extra["x"] = json!(5);
    assert_eq!(room.host.call_as(&phone(&a), "participant_add_note", extra).unwrap_err().code, ErrorCode::BadRequest);
    assert!(notes_on_board(&room).is_empty());
}

#[test]
fn own_notes_on_a_board_no_longer_shown_stay_as_they_are() {
    let room = Room::new();
    let a = room.join(&token(&room.open_join(json!({}))), "Kettu").unwrap();
    let note = room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Ensimmäinen")).unwrap();
    let other = add_board(&room);
    room.host.call("set_join_boards", json!({"workshop_id": room.id(), "boards": [other], "show_others": false, "locked": []})).unwrap();
    let before = room.snapshot();
    let edit = json!({"op_id": op_id(), "note_id": note["id"], "text": "Muutettu"});
    assert_refused(room.host.call_as(&phone(&a), "participant_update_note", edit), ErrorCode::Forbidden, "board");
    let del = json!({"op_id": op_id(), "note_id": note["id"]});
    assert_refused(room.host.call_as(&phone(&a), "participant_delete_note", del), ErrorCode::Forbidden, "board");
    assert_eq!(room.snapshot(), before);
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    assert_eq!(view["boards"].as_array().unwrap().len(), 1);
    assert_eq!(view["boards"][0]["id"], other);
}

#[test]
fn a_device_over_its_rate_is_refused_and_others_are_not() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let (a, b) = (room.join(&t, "Kettu").unwrap(), room.join(&t, "Siili").unwrap());
    // Refused writes count too: a flood of junk is a flood.
    for _ in 0..polku_api::DEVICE_WRITES_PER_MINUTE {
        let junk = json!({"op_id": op_id(), "note_id": uuid::Uuid::now_v7()});
        assert_refused(room.host.call_as(&phone(&a), "participant_delete_note", junk), ErrorCode::Forbidden, "note");
    }
    assert_refused(room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Vielä")), ErrorCode::TooLarge, "rate");
    assert!(room.host.call_as(&phone(&b), "participant_add_note", note_args(&room, "Minä ehdin")).is_ok());
    assert_eq!(notes_on_board(&room).len(), 1);
}

#[test]
fn the_same_op_sent_at_once_from_several_threads_makes_one_note() {
    let room = Room::new();
    let a = room.join(&token(&room.open_join(json!({}))), "Kettu").unwrap();
    let same = note_args(&room, "Kerran");
    let answers: Vec<Value> = std::thread::scope(|s| {
        let calls: Vec<_> = (0..8).map(|_| s.spawn(|| room.host.call_as(&phone(&a), "participant_add_note", same.clone()).unwrap())).collect();
        calls.into_iter().map(|c| c.join().unwrap()).collect()
    });
    assert!(answers.iter().all(|x| x == &answers[0]));
    assert_eq!(notes_on_board(&room).len(), 1);
    // Different ops at once: each its own note, none on another.
    std::thread::scope(|s| {
        for i in 0..8 {
            let args = note_args(&room, &format!("Lappu {i}"));
            let (host, caller) = (&room.host, phone(&a));
            s.spawn(move || host.call_as(&caller, "participant_add_note", args).unwrap());
        }
    });
    let mut ys: Vec<f64> = notes_on_board(&room).iter().map(|n| n["y"].as_f64().unwrap()).collect();
    ys.sort_by(f64::total_cmp);
    assert_eq!(ys.len(), 9);
    assert!(ys.windows(2).all(|w| w[1] - w[0] >= polku_core::layout::NOTE_H), "{ys:?}");
}

#[test]
fn no_device_nickname_or_secret_reaches_the_library_or_the_workshop_file() {
    let room = Room::new();
    let a = room.join(&token(&room.open_join(json!({}))), "Qwertyuiop-nimimerkki").unwrap();
    let note = room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Näkyvä lappu")).unwrap();
    room.host.call_as(&phone(&a), "participant_update_note", json!({"op_id": op_id(), "note_id": note["id"], "text": "Muokattu lappu"})).unwrap();
    let file = room.host.export_workshop(a.workshop_id).unwrap();
    room.host.shutdown();
    let mut stored = file.clone();
    for entry in std::fs::read_dir(room.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            stored.extend(std::fs::read(path).unwrap());
        }
    }
    let has = |needle: &str| stored.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(has("Muokattu lappu"), "the note itself is kept");
    for secret in ["Qwertyuiop-nimimerkki", &a.secret, &a.device_id.to_string(), &a.device_id.simple().to_string()] {
        assert!(!has(secret), "{secret} was written");
    }
}

#[test]
fn a_phone_keeps_the_dots_it_gave_when_it_joins_again_after_polku_restarted() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let a = room.join(&t, "Kettu").unwrap();
    for text in ["Yksi", "Kaksi", "Kolme"] {
        room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, text)).unwrap();
    }
    let vote = uuid::Uuid::now_v7();
    let settings = json!({"on": {"type": "board"}, "dots": 2, "several_per_target": false, "hidden": true, "screen": "off", "ends_at": null});
    let op = json!({"type": "create_vote", "vote": {"id": vote, "board_id": room.board(0)["id"], "settings": settings, "session_id": null}});
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op})).unwrap();
    let targets: Vec<Value> = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap()["votes"][0]["targets"].as_array().unwrap().iter().map(|t| t["id"].clone()).collect();
    let seed = "0123456789abcdef0123456789ABCDEF";
    let dot = |host: &polku_api::Host, p: &polku_api::Joined, target: &Value, voter: &str| {
        host.call_as(&phone(p), "participant_vote", json!({"op_id": op_id(), "vote_id": vote, "target_id": target, "delta": 1, "voter": voter}))
    };
    dot(&room.host, &a, &targets[0], seed).unwrap();
    // Later values change nothing for this device: it cannot buy more dots by sending another.
    let v = dot(&room.host, &a, &targets[1], "ffffffffffffffffffffffffffffffff").unwrap();
    assert_eq!(v["used"], 2);

    // Polku restarts: the join and its devices are gone; the phone joins again with its value.
    room.host.shutdown();
    let again = polku_api::Host::open(room.dir.path()).unwrap();
    let status = again.call("open_join", json!({"workshop_id": room.id(), "board_id": room.board(0)["id"]})).unwrap();
    let b = again.join(Some(room.at()), &polku_api::JoinRequest { key: token(&status), nickname: "Kettu".into() }).unwrap();
    assert_refused(dot(&again, &b, &targets[2], &seed.to_lowercase()), ErrorCode::Validation, "dots_left");
    let view = again.call_as(&phone(&b), "participant_view", json!({})).unwrap();
    assert_eq!(view["votes"][0]["used"], 2, "the dots given before the restart are this phone's");
}

#[test]
fn no_voter_key_reaches_an_export_or_the_library_once_the_vote_ends() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let phones: Vec<_> = ["Kettu", "Siili"].iter().map(|n| room.join(&t, n).unwrap()).collect();
    for p in &phones {
        room.host.call_as(&phone(p), "participant_add_note", note_args(&room, "Äänestettävä")).unwrap();
    }
    let vote = uuid::Uuid::now_v7();
    let settings = json!({"on": {"type": "board"}, "dots": 2, "several_per_target": true, "hidden": false, "screen": "off", "ends_at": null});
    let op = json!({"type": "create_vote", "vote": {"id": vote, "board_id": room.board(0)["id"], "settings": settings, "session_id": null}});
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op})).unwrap();
    let target = room.host.call_as(&phone(&phones[0]), "participant_view", json!({})).unwrap()["votes"][0]["targets"][0]["id"].clone();
    for p in &phones {
        for _ in 0..2 {
            room.host.call_as(&phone(p), "participant_vote", json!({"op_id": op_id(), "vote_id": vote, "target_id": target, "delta": 1})).unwrap();
        }
    }
    let db = rusqlite::Connection::open(room.dir.path().join("polku.sqlite3")).unwrap();
    let keys: Vec<String> = db.prepare("SELECT DISTINCT voter FROM vote_ballot").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(keys.len(), 2, "one key per phone while the vote is open");
    drop(db);
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "skip", "op": {"type": "end_vote", "id": vote}})).unwrap();

    let csv = exported(&room, "csv");
    assert!(String::from_utf8_lossy(&csv).lines().any(|l| l.contains("Äänestettävä") && l.contains(";4;")), "the votes column: {}", String::from_utf8_lossy(&csv));
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("the CSV".into(), csv),
        ("the workbook".into(), exported(&room, "xlsx")),
        ("the PDF".into(), exported(&room, "pdf")),
        ("the .polku file".into(), room.host.export_workshop(room.at()).unwrap()),
    ];
    room.host.shutdown();
    for entry in std::fs::read_dir(room.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            files.push((path.display().to_string(), std::fs::read(path).unwrap()));
        }
    }
    for key in &keys {
        for (name, f) in &files {
            assert!(!holds(f, key), "voter key {key} in {name}");
        }
    }
    for p in &phones {
        assert!(files.iter().all(|(_, f)| !holds(f, &p.device_id.to_string())));
    }
}

#[test]
fn nicknames_go_with_notes_into_exports_only_once_the_facilitator_chooses_it() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let a = room.join(&t, "Kettu-nimimerkki").unwrap();
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Ennen valintaa")).unwrap();
    assert_eq!(room.status()["names"], false, "off by default");
    let s = room.host.call("set_note_names", json!({"workshop_id": room.id(), "names": true})).unwrap();
    assert_eq!(s["names"], true);
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Valinnan jälkeen")).unwrap();
    assert_refused(room.host.call_as(&phone(&a), "set_note_names", json!({"workshop_id": room.id(), "names": false})), ErrorCode::Forbidden, "participant");

    let notes = notes_on_board(&room);
    let author = |text: &str| notes.iter().find(|n| n["text"] == text).unwrap()["author"].clone();
    assert_eq!((author("Ennen valintaa"), author("Valinnan jälkeen")), (Value::Null, json!("Kettu-nimimerkki")));
    let csv = String::from_utf8(exported(&room, "csv")).unwrap();
    let line = |text: &str| csv.lines().find(|l| l.contains(text)).unwrap().to_string();
    assert!(line("Valinnan jälkeen").ends_with(";Kettu-nimimerkki"), "{csv}");
    assert!(!line("Ennen valintaa").contains("Kettu"), "{csv}");
}

/// A network that records what joining asked of it, and fails to listen when told to.
#[derive(Default)]
struct FakeNetwork {
    stopped: std::sync::Mutex<Vec<polku_core::Id>>,
    fail: bool,
}

impl polku_api::JoinNetwork for FakeNetwork {
    fn addresses(&self) -> Vec<polku_api::JoinAddress> {
        let at = |a: &str, p| polku_api::JoinAddress { address: a.into(), interface: "wlan0".into(), preselected: p };
        vec![at("192.168.1.23", true), at("fd00::5", false)]
    }

    fn listen(&self, _: polku_core::Id, ip: std::net::IpAddr) -> Result<std::net::SocketAddr, polku_api::ApiError> {
        if self.fail {
            return Err(polku_api::ApiError::with_field(ErrorCode::Conflict, "gone", "listen"));
        }
        Ok(std::net::SocketAddr::new(ip, 4871))
    }

    fn stop(&self, workshop_id: polku_core::Id) {
        self.stopped.lock().unwrap().push(workshop_id);
    }
}

#[test]
fn without_a_network_joining_opens_in_memory_and_offers_no_address() {
    let room = Room::new();
    assert_eq!(room.host.call("join_addresses", json!({})).unwrap(), json!([]));
    let s = room.open_join(json!({}));
    assert_eq!((s["open"].clone(), s["url"].clone(), s["qr"].clone(), s["address"].clone()), (json!(true), Value::Null, Value::Null, Value::Null));
}

#[test]
fn the_link_names_the_address_listened_on() {
    let room = Room::new();
    let net = std::sync::Arc::new(FakeNetwork::default());
    room.host.set_join_network(net.clone());
    let s = room.open_join(json!({}));
    let t = token(&s);
    assert_eq!(s["url"], json!(format!("http://192.168.1.23:4871/j/{t}")), "the preselected address");
    assert_eq!((s["address"].as_str(), s["code_url"].as_str()), (Some("192.168.1.23:4871"), Some("http://192.168.1.23:4871/")));
    let v6 = room.open_join(json!({"address": "fd00::5"}));
    assert_eq!(v6["url"], json!(format!("http://[fd00::5]:4871/j/{t}")), "IPv6 in brackets, the same token");
    let foreign = room.host.call("open_join", json!({"workshop_id": room.id(), "board_id": room.board(0)["id"], "address": "10.0.0.1"}));
    assert_eq!(foreign.map_err(|e| (e.code, e.field)).unwrap_err(), (ErrorCode::Validation, Some("address".into())));
    room.host.call("close_join", json!({"workshop_id": room.id()})).unwrap();
    assert_eq!(net.stopped.lock().unwrap().len(), 1, "closing stops the listener");
}

#[test]
fn a_join_that_cannot_listen_does_not_open() {
    let room = Room::new();
    room.host.set_join_network(std::sync::Arc::new(FakeNetwork { fail: true, ..FakeNetwork::default() }));
    let e = room.host.call("open_join", json!({"workshop_id": room.id(), "board_id": room.board(0)["id"]})).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Conflict, Some("listen")));
    assert_eq!(room.status()["open"], json!(false));
}

/// The finished file of an export of the workshop in `format`.
fn exported(room: &Room, format: &str) -> Vec<u8> {
    let job = room.host.call("start_export", json!({"workshop_id": room.id(), "format": format})).unwrap();
    let job_id: polku_core::Id = job["job_id"].as_str().unwrap().parse().unwrap();
    for _ in 0..500 {
        let s = room.host.call("export_status", json!({"job_id": job_id})).unwrap();
        if s["state"] != "running" {
            assert_eq!(s["state"], "ready", "{s}");
            return room.host.export_file(job_id).unwrap().bytes.to_vec();
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the {format} export did not finish");
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn nicknames_and_device_secrets_reach_no_export_and_not_the_library_file() {
    let room = Room::new();
    let nickname = "Zorro-nimimerkki";
    let a = room.join(&token(&room.open_join(json!({"show_others": true}))), nickname).unwrap();
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Puhelimesta kirjoitettu")).unwrap();
    for format in ["csv", "polku"] {
        let file = exported(&room, format);
        assert!(holds(&file, "Puhelimesta kirjoitettu"), "the {format} export has the note");
        assert!(!holds(&file, nickname) && !holds(&file, &a.secret), "the {format} export names the device");
    }
    // The database and its write-ahead log, as they are on disk.
    let mut note_found = false;
    for entry in std::fs::read_dir(room.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let Ok(bytes) = std::fs::read(&path) else { continue };
        note_found |= holds(&bytes, "Puhelimesta kirjoitettu");
        assert!(!holds(&bytes, nickname) && !holds(&bytes, &a.secret), "{} names the device", path.display());
    }
    assert!(note_found, "the library's files were read");
}

#[test]
fn a_phone_lists_its_own_notes_and_the_newest_of_the_others() {
    let room = Room::new();
    let t = token(&room.open_join(json!({"show_others": true})));
    let (a, b) = (room.join(&t, "Kettu").unwrap(), room.join(&t, "Siili").unwrap());
    let own = room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Kettu kirjoitti")).unwrap();
    let extra = 3;
    for i in 0..polku_api::OTHERS_LISTED + extra {
        room.host.call_as(&phone(&b), "participant_add_note", note_args(&room, &format!("Siili {i}"))).unwrap();
    }
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    let notes = view["boards"][0]["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1 + polku_api::OTHERS_LISTED);
    assert_eq!(view["boards"][0]["earlier"], json!(extra), "the others' notes not listed are counted");
    assert!(notes.iter().any(|n| n["id"] == own["id"] && n["mine"] == true), "one's own note is always listed");
    let texts: Vec<&str> = notes.iter().map(|n| n["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&format!("Siili {}", polku_api::OTHERS_LISTED + extra - 1).as_str()), "the newest are listed");
    assert!(!texts.contains(&"Siili 0"), "the oldest are not");
    // Others' notes hidden: none listed, none counted.
    room.host.call("set_join_boards", json!({"workshop_id": room.id(), "boards": [room.board(0)["id"]], "show_others": false, "locked": []})).unwrap();
    let view = room.host.call_as(&phone(&a), "participant_view", json!({})).unwrap();
    assert_eq!((view["boards"][0]["notes"].as_array().unwrap().len(), view["boards"][0]["earlier"].clone()), (1, json!(0)));
}
