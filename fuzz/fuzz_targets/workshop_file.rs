//! Any bytes as a `.polku` file: the reader answers a workshop or a `FileError`, never a panic
//! or a hang. Mailed files and files dropped on the window reach it unchecked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polku_export::workshop_file::{read, with_new_ids, write};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(w) = read(data) else { return };
    // What was accepted is what the library stores and exports again, and what an import of a
    // workshop already here renumbers: both must come back as a valid file.
    match read(&write(&w, 0)) {
        Ok(again) => assert_eq!(json(&again), json(&w), "a file read, written and read again changed"),
        Err(e) => panic!("an accepted file, written again, is refused: {e}"),
    }
    let copy = with_new_ids(&w, &mut polku_core::Id::now_v7);
    if let Err(e) = read(&write(&copy, 0)) {
        panic!("the copy with new ids of an accepted file is refused: {e}");
    }
});

fn json(w: &polku_core::Workshop) -> Value {
    serde_json::to_value(w).expect("a workshop is JSON")
}
