//! Secrets as the library keeps and compares them: fresh random ones in hex, only their SHA-256
//! kept, and compared in time that does not depend on where they differ. One place for the team
//! server's sign-ins, the desktop's hand-off and the joins' device secrets.

use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// 256 random bits from the thread's CSPRNG, in lower-case hex.
pub fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// The SHA-256 of `s`, in lower-case hex: what is kept of a secret.
pub fn sha256_hex(s: &str) -> String {
    hex(&Sha256::digest(s.as_bytes()))
}

/// Whether two secrets (or their hashes) are the same, in constant time for equal lengths.
pub fn same(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_fresh_hashes_are_known_and_comparison_is_exact() {
        assert_ne!(random_hex(), random_hex());
        assert_eq!(random_hex().len(), 64);
        assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("ab", "abc"));
    }
}
