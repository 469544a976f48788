//! The `command` fuzz target's harness: a few calls through the command surface against a real
//! library, as the desktop window and the phones make them.
//!
//! An input is text, one call a line: `<command> <request JSON>`, at most [`MAX_CALLS`] lines. A
//! line whose JSON does not parse is skipped (the transports refuse it before the host sees it).
//! Random ids would never name a record, so strings in the request are read as names first:
//!
//! - `$workshop`: the workshop this input works on, made from the service path template;
//! - `$boards.0`, `$touchpoints.2`, `$notes.1`, …: the id of that record (any list of the
//!   workshop, by its field name: `phases`, `lanes`, `sessions`, `agenda`, `votes`, …; counted
//!   modulo the list's length, read again after each change);
//! - `$id.0`, `$id.1`, …: fresh ids, the same throughout the input, for a record made in one line
//!   and changed in the next;
//! - `$job`: the last export started; `$device`: the phone's device; `$template.0`: a template,
//!   `$own.0` one the library saved;
//! - `$file`: the workshop as a `.polku` file's text, for `import_workshop`.
//!
//! Participant commands are called as a phone that joined the workshop (the join is opened for it
//! when none is), the rest as the facilitator. After the calls everything the input made is
//! erased, so each input starts from the same library: a crash found here replays from its file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use polku_api::{audience, Audience, Caller, Host, JoinRequest, Joined};
use polku_core::Id;
use serde_json::{json, Value};

/// Enough for a scenario (make a note, vote on it, undo), few enough to keep an input fast.
pub const MAX_CALLS: usize = 8;

/// The library the inputs run against: made once per process, as opening one costs migrations.
pub struct Library {
    host: Host,
    verbose: bool,
}

impl Library {
    pub fn new() -> Library {
        // Backups would copy the library every few minutes of a run and are no part of a call.
        std::env::set_var("POLKU_BACKUP_MINUTES", "0");
        let host = Host::open(&library_dir()).expect("a new library opens");
        Library { host, verbose: std::env::var_os("POLKU_FUZZ_VERBOSE").is_some() }
    }

    /// Runs one input's calls on a workshop of its own, then leaves the library as it found it.
    pub fn run(&self, data: &[u8]) {
        let text = String::from_utf8_lossy(data);
        let calls: Vec<(&str, Value)> = text
            .lines()
            .filter_map(|line| {
                let (name, args) = line.trim_start().split_once(' ').unwrap_or((line.trim(), "{}"));
                Some((name, serde_json::from_str(args).ok()?))
            })
            .take(MAX_CALLS)
            .collect();
        if calls.is_empty() {
            return;
        }
        let summary = self.host.call("create_workshop", json!({"title": "Fuzz", "language": "fi"})).expect("a workshop from the default template");
        let workshop = summary["id"].as_str().expect("an id").to_string();
        let mut input = Input { lib: self, workshop, ids: Vec::new(), lists: None, job: None, phone: None };
        for (name, args) in calls {
            input.call(name, args);
        }
        self.clean_up();
    }

    /// Erases every workshop and own template, which closes every join with its workshop.
    fn clean_up(&self) {
        let host = &self.host;
        for w in list(host.call("list_workshops", json!({}))) {
            host.call("delete_workshop", json!({"id": w["id"]})).expect("a listed workshop deletes");
        }
        for w in list(host.call("list_deleted_workshops", json!({}))) {
            host.call("erase_workshop", json!({"id": w["id"]})).expect("a deleted workshop erases");
        }
        for t in list(host.call("list_templates", json!({}))).iter().filter(|t| t["own"] == true) {
            host.call("delete_template", json!({"id": t["id"]})).expect("an own template deletes");
        }
    }
}

impl Default for Library {
    fn default() -> Self {
        Library::new()
    }
}

const DIR_PREFIX: &str = "polku-fuzz-";

/// A folder of this process's own, in memory where there is a tmpfs (every commit syncs, and on a
/// disk that would be the cost of an input). libFuzzer ends the process without running
/// destructors, so the folder is named by the process id and each start removes those of
/// processes that are gone.
fn library_dir() -> PathBuf {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() { shm.to_path_buf() } else { std::env::temp_dir() };
    // Without /proc a live process cannot be told from a gone one, and parallel jobs would lose
    // their libraries.
    if Path::new("/proc/self").exists() {
        for entry in std::fs::read_dir(&base).into_iter().flatten().flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(DIR_PREFIX)) else { continue };
            if !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let dir = base.join(format!("{DIR_PREFIX}{}", std::process::id()));
    // A process id used again by this one after a killed run.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder for the library");
    dir
}

fn list(answer: Result<Value, polku_api::ApiError>) -> Vec<Value> {
    match answer.expect("a listing answers") {
        Value::Array(items) => items,
        other => panic!("a listing answered {other}"),
    }
}

/// One input's names for the records it works on.
struct Input<'a> {
    lib: &'a Library,
    workshop: String,
    ids: Vec<String>,
    /// The ids of each list of the workshop, by field name; None after a change.
    lists: Option<HashMap<String, Vec<String>>>,
    job: Option<String>,
    phone: Option<Joined>,
}

impl Input<'_> {
    fn call(&mut self, name: &str, mut args: Value) {
        self.resolve(&mut args);
        let host = &self.lib.host;
        let answer = match audience(name) {
            Some(Audience::Participant) => {
                let caller = self.phone();
                host.call_as(&caller, name, args.clone())
            }
            _ => host.call(name, args.clone()),
        };
        if self.lib.verbose {
            let shown = answer.as_ref().map_or_else(|e| format!("{e:?}"), Value::to_string);
            eprintln!("> {name} {args}\n< {shown}");
        }
        let Ok(answer) = answer else { return };
        self.lists = None;
        if let Some(job) = answer.get("job_id").and_then(Value::as_str) {
            self.job = Some(job.to_string());
            self.wait_for_export(job);
        }
    }

    /// Waits for an export's thread to finish, so none outlives its input and its time counts
    /// as the input's: an export that never ends is libFuzzer's timeout, a panic in it a crash.
    fn wait_for_export(&self, job: &str) {
        while let Ok(status) = self.lib.host.call("export_status", json!({"job_id": job})) {
            if status["state"] != "running" {
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// The phone that joined this input's workshop; a stranger when it cannot join (the
    /// workshop is deleted, or the input closed joining and made the join refuse devices).
    fn phone(&mut self) -> Caller {
        if self.phone.is_none() {
            self.phone = self.join().ok();
        }
        match &self.phone {
            Some(j) => Caller::Participant { secret: j.secret.clone(), at: j.workshop_id },
            None => Caller::Participant { secret: "0".repeat(32), at: self.workshop.parse().unwrap_or_default() },
        }
    }

    fn join(&mut self) -> Result<Joined, polku_api::ApiError> {
        let host = &self.lib.host;
        let mut status = host.call("join_status", json!({"workshop_id": self.workshop}))?;
        if status["open"] != true {
            let board = self.named("boards", 0).unwrap_or_default();
            status = host.call("open_join", json!({"workshop_id": self.workshop, "board_id": board, "show_others": true}))?;
        }
        let key = status["token"].as_str().unwrap_or_default().to_string();
        let at = self.workshop.parse().unwrap_or_default();
        host.join(at, &JoinRequest { key, nickname: "Sininen kettu".into() })
    }

    fn resolve(&mut self, v: &mut Value) {
        match v {
            Value::String(s) if s.starts_with('$') => {
                if let Some(id) = self.lookup(&s[1..]) {
                    *s = id;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|x| self.resolve(x)),
            Value::Object(fields) => fields.values_mut().for_each(|x| self.resolve(x)),
            _ => {}
        }
    }

    fn lookup(&mut self, name: &str) -> Option<String> {
        let (list, n) = match name.split_once('.') {
            Some((list, n)) => (list, n.parse::<usize>().ok()?),
            None => (name, 0),
        };
        match list {
            "workshop" => Some(self.workshop.clone()),
            "id" => {
                while self.ids.len() <= n.min(64) {
                    self.ids.push(Id::now_v7().to_string());
                }
                self.ids.get(n).cloned()
            }
            "job" => self.job.clone(),
            "device" => self.phone.as_ref().map(|j| j.device_id.to_string()),
            "file" => String::from_utf8(self.lib.host.export_workshop(self.workshop.parse().ok()?).ok()?).ok(),
            "template" | "own" => {
                let all = self.lib.host.call("list_templates", json!({})).ok()?;
                let ids: Vec<String> = all
                    .as_array()?
                    .iter()
                    .filter(|t| list == "template" || t["own"] == true)
                    .filter_map(|t| t["id"].as_str().map(str::to_string))
                    .collect();
                pick(&ids, n)
            }
            _ => self.named(list, n),
        }
    }

    /// The id of the `n`th record of the workshop's lists called `list` (modulo its length).
    fn named(&mut self, list: &str, n: usize) -> Option<String> {
        if self.lists.is_none() {
            let w = self.lib.host.call("open_workshop", json!({"id": self.workshop})).ok()?;
            let mut lists = HashMap::new();
            collect(&w, &mut lists);
            self.lists = Some(lists);
        }
        pick(self.lists.as_ref()?.get(list)?, n)
    }
}

fn pick(ids: &[String], n: usize) -> Option<String> {
    (!ids.is_empty()).then(|| ids[n % ids.len()].clone())
}

/// Every record with an id under each list's field name, however deep (a board's notes, a
/// session's agenda), in the order the workshop lists them.
fn collect(v: &Value, lists: &mut HashMap<String, Vec<String>>) {
    match v {
        Value::Object(fields) => {
            for (key, value) in fields {
                if let Value::Array(items) = value {
                    lists.entry(key.clone()).or_default().extend(items.iter().filter_map(|x| x["id"].as_str().map(str::to_string)));
                }
                collect(value, lists);
            }
        }
        Value::Array(items) => items.iter().for_each(|x| collect(x, lists)),
        _ => {}
    }
}
