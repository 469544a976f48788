//! Files that carry a workshop out of Polku and back in: the `.polku` workshop file, the PDF
//! report and the note tables. Everything here works on a core [`polku_core::Workshop`] snapshot
//! and never touches the database.

mod error;
mod file_steps;
pub mod handed;
pub mod labels;
pub mod options;
pub mod pdf;
pub mod table;
pub mod workshop_file;
mod workbook;

pub use error::ExportError;
pub use options::{HandoutOf, HandoutOptions, Orientation, Paper, PdfContents, PdfOptions, PosterFit};

/// A moment as stored (milliseconds since the Unix epoch) as a UTC date and time.
pub fn utc(ms: polku_core::Millis) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// Writes `bytes` to `path` through a `.partial` file beside it, renamed into place, so a full
/// disk or a crash never leaves half a file under the name the user chose.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path)).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Told how far an export has come (`done` of `total` steps); answering false cancels it.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize) -> bool;
