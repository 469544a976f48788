//! Files that carry a workshop out of Polku and back in. Everything here works on a core
//! [`polku_core::Workshop`] snapshot and never touches the database.

mod file_steps;
pub mod workshop_file;
