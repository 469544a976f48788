//! The patch of a record whose fields are one value (a persona's, a session's): an update names
//! the fields it sets, and undo writes back only the fields a step changed.

/// `is_empty`, `apply` and `diff` for `$patch` over `$fields`, listing every field once so none
/// of the three can forget one.
macro_rules! field_patch {
    ($patch:ident for $fields:ident: $($f:ident),* $(,)?) => {
        impl $patch {
            pub fn is_empty(&self) -> bool {
                self == &$patch::default()
            }

            pub fn apply(&self, to: &mut $fields) {
                $(
                    if let Some(v) = &self.$f {
                        to.$f = v.clone();
                    }
                )*
            }

            /// The patch that turns `from` into `to`, field by field.
            pub fn diff(from: &$fields, to: &$fields) -> $patch {
                let mut p = $patch::default();
                $(
                    if from.$f != to.$f {
                        p.$f = Some(to.$f.clone());
                    }
                )*
                p
            }
        }
    };
}
pub(crate) use field_patch;
