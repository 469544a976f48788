#![allow(dead_code)]

pub mod room;
pub mod team;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn example_file() -> PathBuf {
    repo().join("workshops/examples/aikuissosiaalityo.polku")
}

/// Runs the real `polku` binary with a data dir.
pub fn polku(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polku"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("POLKU_DATA_DIR")
        .output()
        .expect("polku runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn list_json(data: &Path) -> Vec<serde_json::Value> {
    let o = polku(data, &["list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("list --json prints JSON")
}

/// How many notes the real workshop in the seed has: on its path, and the channel verdicts.
pub fn seed_notes() -> usize {
    let seed: serde_json::Value =
        serde_json::from_str(include_str!("../../../../workshops/examples/seed-workshop.json")).unwrap();
    let verdicts: usize = seed["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["plus"].as_array().unwrap().len() + c["minus"].as_array().unwrap().len())
        .sum();
    seed["notes"].as_array().unwrap().len() + verdicts
}

/// An HTTP answer read off a raw socket (tests that write requests by hand, to set Host and
/// Origin exactly).
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| l.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim()))
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}
