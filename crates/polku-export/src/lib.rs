//! Files that carry a workshop out of Polku and back in. Everything here works on a core
//! [`polku_core::Workshop`] snapshot and never touches the database.

pub mod workshop_file;
