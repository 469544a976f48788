//! A workshop file handed over by its path (picked, double-clicked, dropped on the desktop window)
//! becomes the page's file, or a refusal that says why; never a hang or a huge read.

use std::ffi::OsString;
use std::fs;

use polku_export::handed::{from_args, read, HandedError, HandedFile};
use polku_export::workshop_file::MAX_FILE_BYTES;

#[test]
fn a_dropped_file_becomes_its_name_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Postissa tullut.polku");
    fs::write(&path, "{\"format\":\"polku.workshop\"}").unwrap();
    assert_eq!(read(&path), Ok(HandedFile { name: "Postissa tullut.polku".into(), text: "{\"format\":\"polku.workshop\"}".into() }));
}

#[test]
fn a_file_past_the_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.polku");
    let file = fs::File::create(&path).unwrap();
    // Sparse: the size is what counts, not the bytes on disk.
    file.set_len(MAX_FILE_BYTES as u64 + 1).unwrap();
    assert!(matches!(read(&path), Err(HandedError::TooLarge { .. })));
}

#[test]
fn a_file_of_exactly_the_limit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.polku");
    fs::write(&path, vec![b' '; MAX_FILE_BYTES]).unwrap();
    assert_eq!(read(&path).map(|f| f.text.len()), Ok(MAX_FILE_BYTES));
}

#[test]
fn a_folder_a_missing_path_and_binary_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(read(dir.path()), Err(HandedError::NotAFile { .. })));
    let missing = read(&dir.path().join("gone.polku")).unwrap_err();
    assert!(matches!(missing, HandedError::Unreadable { .. }), "{missing:?}");
    assert!(missing.to_string().contains("gone.polku"), "the message names the file: {missing}");
    let photo = dir.path().join("kuva.jpg");
    fs::write(&photo, [0xff, 0xd8, 0xff, 0xe0, 0x00]).unwrap();
    assert!(matches!(read(&photo), Err(HandedError::NotText { .. })));
}

#[cfg(unix)]
#[test]
fn a_device_is_not_read_forever() {
    assert!(matches!(read(std::path::Path::new("/dev/zero")), Err(HandedError::NotAFile { .. })));
}

#[test]
fn the_argument_to_open_is_the_polku_file_else_the_first_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    let workshop = dir.path().join("Työpaja.POLKU");
    fs::write(&notes, "x").unwrap();
    fs::write(&workshop, "{}").unwrap();
    let args = |list: &[&std::path::Path]| list.iter().map(|p| OsString::from(p.as_os_str())).collect::<Vec<_>>();

    assert_eq!(from_args(args(&[&notes, &workshop])), Some(workshop.clone()));
    assert_eq!(from_args(args(&[&notes])), Some(notes.clone()));
    assert_eq!(from_args(Vec::<OsString>::new()), None);
    // Options and paths that name nothing are passed over; a folder is not a file to open.
    let with_noise = vec![OsString::from("--flag"), OsString::from("/no/such/file.polku"), dir.path().as_os_str().to_owned()];
    assert_eq!(from_args(with_noise), None);
}
