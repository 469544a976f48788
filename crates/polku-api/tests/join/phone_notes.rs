//! What a joined phone may do on the boards: its own notes only, the boards and sessions the
//! facilitator opens to it, private writing, dots, locks, bounds and rates.

use crate::common::*;
use crate::{add_board, note_args, notes_on_board, token};
use polku_api::{ErrorCode, Event};
use serde_json::{json, Value};

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
