//! Joining from a phone, in one test binary: the link's token and the short code, devices let in,
//! asked about, removed and revoked (`admission`), what a device may do on the boards
//! (`phone_notes`), a join closing by itself on a team server (`closing`), and what of a device
//! never leaves the join (`privacy`).

#[path = "../common/mod.rs"]
mod common;

mod admission;
mod phone_notes;
mod closing;
mod privacy;

use common::*;
use serde_json::{json, Value};

pub fn token(status: &Value) -> String {
    status["token"].as_str().unwrap().to_string()
}

pub fn note_args(room: &Room, text: &str) -> Value {
    let b = room.board(0);
    json!({"op_id": op_id(), "board_id": b["id"], "touchpoint_id": b["touchpoints"][0]["id"], "tone": "positive", "text": text})
}

pub fn notes_on_board(room: &Room) -> Vec<Value> {
    let w = room.host.call("open_workshop", json!({"id": room.id()})).unwrap();
    w["boards"][0]["notes"].as_array().unwrap().clone()
}

/// A second, blank board made by the facilitator; its id.
pub fn add_board(room: &Room) -> Value {
    let id = uuid::Uuid::now_v7();
    let op = json!({"type": "create_board", "board": {"id": id, "index": 1, "title": "Toinen", "from": {"type": "blank", "kind": "grid"}}});
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op})).unwrap();
    json!(id)
}
