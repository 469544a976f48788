//! The `Change` enum, one variant per kind of record, generated from [`crate::with_records!`].

use crate::record::{define_changes, Visit};
use crate::Id;

crate::with_records!(define_changes);
