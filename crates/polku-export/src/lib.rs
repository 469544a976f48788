//! Files that carry a workshop out of Polku and back in: the `.polku` workshop file, the PDF
//! report and the note tables. Everything here works on a core [`polku_core::Workshop`] snapshot
//! and never touches the database.

mod error;
mod file_steps;
pub mod labels;
pub mod options;
pub mod pdf;
pub mod table;
pub mod workshop_file;
mod workbook;

pub use error::ExportError;
pub use options::{Orientation, Paper, PdfContents, PdfOptions, PosterFit};

/// Told how far an export has come (`done` of `total` steps); answering false cancels it.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize) -> bool;
