#![allow(dead_code)]

use polku_api::{ApiError, Caller, ErrorCode, Host, JoinRequest, Joined};
use serde_json::{json, Value};

/// A host over a library in a temp dir, with one workshop made from the service path template.
pub struct Room {
    pub host: Host,
    pub workshop: Value,
    pub dir: tempfile::TempDir,
}

impl Room {
    pub fn new() -> Room {
        Room::on_clock(None)
    }

    /// The same on `clock`'s time (a test's own, so its hours can pass).
    pub fn with_clock(clock: fn() -> polku_core::Millis) -> Room {
        Room::on_clock(Some(clock))
    }

    fn on_clock(clock: Option<fn() -> polku_core::Millis>) -> Room {
        let dir = tempfile::tempdir().unwrap();
        let host = Host::open(dir.path()).unwrap();
        let host = match clock {
            Some(clock) => host.with_clock(clock),
            None => host,
        };
        let summary = host.call("create_workshop", json!({"title": "Palvelupolku", "language": "fi"})).unwrap();
        let workshop = host.call("open_workshop", json!({"id": summary["id"]})).unwrap();
        Room { host, workshop, dir }
    }

    pub fn id(&self) -> Value {
        self.workshop["id"].clone()
    }

    /// The workshop's id, as the participants' listener of its join knows it.
    pub fn at(&self) -> polku_core::Id {
        self.workshop["id"].as_str().expect("an id").parse().expect("a uuid")
    }

    pub fn board(&self, i: usize) -> &Value {
        &self.workshop["boards"][i]
    }

    /// The workshop as the store has it now, for before/after comparisons.
    pub fn snapshot(&self) -> (Value, Value) {
        let list = self.host.call("list_workshops", json!({})).unwrap();
        let open = self.host.call("open_workshop", json!({"id": self.id()})).unwrap();
        (list, open)
    }

    pub fn open_join(&self, extra: Value) -> Value {
        let mut args = json!({"workshop_id": self.id(), "board_id": self.board(0)["id"]});
        if let (Some(a), Some(e)) = (args.as_object_mut(), extra.as_object()) {
            a.extend(e.clone());
        }
        self.host.call("open_join", args).unwrap()
    }

    pub fn join(&self, key: &str, nickname: &str) -> Result<Joined, ApiError> {
        self.host.join(Some(self.at()), &JoinRequest { key: key.into(), nickname: nickname.into() })
    }

    pub fn status(&self) -> Value {
        self.host.call("join_status", json!({"workshop_id": self.id()})).unwrap()
    }
}

pub fn phone(j: &Joined) -> Caller {
    Caller::Participant { secret: j.secret.clone(), at: j.workshop_id }
}

pub fn op_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub fn assert_refused(r: Result<Value, ApiError>, code: ErrorCode, field: &str) {
    let e = r.expect_err("refused");
    assert_eq!((e.code, e.field.as_deref()), (code, Some(field)), "{e:?}");
}
