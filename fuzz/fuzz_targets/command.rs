//! Requests through the command surface (`Host::call`, and `call_as` for a phone): decoding,
//! planning and the store. Refusals are answers; a panic is a bug. See `polku_fuzz` for the
//! input's form.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use polku_fuzz::Library;

static LIBRARY: OnceLock<Library> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    LIBRARY.get_or_init(Library::new).run(data);
});
