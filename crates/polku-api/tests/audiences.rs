//! Every command declares who may call it. A participant's device reaches only the participant
//! commands: each other command of the surface is refused before its request is read, and
//! nothing changes. A new command is covered here without being listed.

mod common;

use common::*;
use polku_api::{audience, Audience, Caller, ErrorCode, COMMANDS};
use serde_json::{json, Value};

/// The commands opened to participants on purpose. Opening another one is a decision, made here.
const PARTICIPANT_COMMANDS: &[&str] = &["participant_view", "participant_add_note", "participant_update_note", "participant_delete_note", "participant_vote"];

/// Requests a facilitator could send with effect, for the commands that would do the most harm.
fn harmful_args(room: &Room, command: &str) -> Value {
    let id = room.id();
    let board = room.board(0);
    match command {
        "delete_workshop" | "erase_workshop" | "restore_workshop" | "open_workshop" => json!({"id": id}),
        "rename_workshop" => json!({"id": id, "title": "Taken over"}),
        "close_join" | "join_status" | "renew_join_code" => json!({"workshop_id": id}),
        "open_join" => json!({"workshop_id": id, "board_id": board["id"], "show_others": true}),
        "apply_op" => json!({
            "workshop_id": id, "op_id": op_id(), "client_id": "intruder", "undo": "record",
            "op": {"type": "delete_board", "id": board["id"]},
        }),
        "start_export" => json!({"workshop_id": id, "format": "csv"}),
        _ => json!({"workshop_id": id}),
    }
}

#[test]
fn every_command_has_an_audience_and_only_the_chosen_ones_are_participants() {
    for &command in COMMANDS {
        let expected = if PARTICIPANT_COMMANDS.contains(&command) { Audience::Participant } else { Audience::Facilitator };
        assert_eq!(audience(command), Some(expected), "{command}");
    }
    assert_eq!(audience("no_such_command"), None);
}

#[test]
fn a_participant_is_refused_every_facilitator_command_and_nothing_changes() {
    let room = Room::new();
    let token = room.open_join(json!({}))["token"].as_str().unwrap().to_string();
    let device = room.join(&token, "Sininen kettu").unwrap();
    let before = (room.snapshot(), room.status());
    let mut refused = 0;
    for &command in COMMANDS.iter().filter(|c| audience(c) == Some(Audience::Facilitator)) {
        // Valid for a facilitator, nonsense, and not even an object: refused the same way, so the
        // check comes before the request is read.
        for args in [harmful_args(&room, command), json!({"bogus": true}), json!("not a request")] {
            assert_refused(room.host.call_as(&phone(&device), command, args), ErrorCode::Forbidden, "participant");
        }
        refused += 1;
    }
    assert_eq!(refused, COMMANDS.len() - PARTICIPANT_COMMANDS.len());
    assert_eq!((room.snapshot(), room.status()), before, "a refused command changed something");
}

#[test]
fn an_unknown_secret_is_refused_the_facilitator_commands_too() {
    let room = Room::new();
    let before = room.snapshot();
    let stranger = Caller::Participant { secret: "0".repeat(32), at: room.at() };
    for &command in COMMANDS.iter().filter(|c| audience(c) == Some(Audience::Facilitator)) {
        assert_refused(room.host.call_as(&stranger, command, harmful_args(&room, command)), ErrorCode::Forbidden, "participant");
    }
    assert_eq!(room.snapshot(), before);
}

#[test]
fn participant_commands_need_a_joined_device() {
    let room = Room::new();
    room.open_join(json!({}));
    let stranger = Caller::Participant { secret: "0".repeat(32), at: room.at() };
    for &command in PARTICIPANT_COMMANDS {
        // The facilitator has no device to write as.
        assert_refused(room.host.call(command, json!({})), ErrorCode::Forbidden, "device");
        assert_refused(room.host.call_as(&stranger, command, json!({})), ErrorCode::Forbidden, "device");
    }
}

#[test]
fn the_facilitator_still_reaches_everything_through_call() {
    let room = Room::new();
    let list = room.host.call_as(&Caller::Facilitator, "list_workshops", json!({})).unwrap();
    assert_eq!(list, room.host.call("list_workshops", json!({})).unwrap());
    assert_eq!(room.host.call("no_such_command", json!({})).unwrap_err().code, ErrorCode::NotFound);
}
