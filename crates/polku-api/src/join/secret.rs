//! The random words of a join: the link's token, the short code, a device's secret. All come from
//! the thread's CSPRNG (ChaCha12, seeded and reseeded from the operating system) and are written in
//! Crockford's base32: URL-safe, no letters that read as digits, and upper-case only, which a QR
//! code stores in its dense alphanumeric mode.

use rand::Rng;

/// Crockford's alphabet: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The link's token: 160 bits, 32 characters.
pub(crate) const TOKEN_BYTES: usize = 20;
/// A device's secret, for its cookie: 160 bits.
pub(crate) const SECRET_BYTES: usize = 20;
/// The short code's characters: 8 × 5 = 40 bits. Guessable by a patient machine, which is why
/// failed tries are counted (`Joins::code_failed`) and the code stops working after too many.
pub(crate) const CODE_CHARS: usize = 8;

pub(crate) fn token() -> String {
    encode(&random_bytes::<TOKEN_BYTES>())
}

/// A key of 160 bits, as the join's token: also `polku serve`'s per-run key for its page.
pub fn access_key() -> String {
    token()
}

pub(crate) fn device_secret() -> String {
    encode(&random_bytes::<SECRET_BYTES>())
}

/// A code of `CODE_CHARS` characters, unformatted (`format_code` adds the dash people read).
pub(crate) fn code() -> String {
    let mut rng = rand::rng();
    (0..CODE_CHARS).map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())])).collect()
}

/// A random (version 4) id, so a device id says nothing about when it joined or who else did.
pub(crate) fn random_id() -> polku_core::Id {
    uuid::Builder::from_random_bytes(random_bytes::<16>()).into_uuid()
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rng().fill(&mut bytes[..]);
    bytes
}

fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// "K7P4QX2M" as people read and type it: "K7P4-QX2M".
pub(crate) fn format_code(code: &str) -> String {
    let (a, b) = code.split_at(code.len() / 2);
    format!("{a}-{b}")
}

/// What someone typed, as the code would be written: case, dashes and spaces do not matter, and
/// the letters Crockford leaves out read as the digits they look like.
pub(crate) fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\u{a0}'))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

/// Whether `typed` could be a short code at all (and so counts as a guess when it is wrong).
pub(crate) fn looks_like_code(normalized: &str) -> bool {
    normalized.len() == CODE_CHARS && normalized.bytes().all(|b| ALPHABET.contains(&b))
}

/// Compares a presented secret with the real one in time that does not depend on where they
/// differ, so answer times give an attacker nothing to climb. (Lengths are public: all are fixed.)
pub fn same(presented: &str, real: &str) -> bool {
    polku_store::secret::same(presented, real)
}

/// What is kept of a device's secret: its SHA-256, so a copy of the joins (a team library's
/// database) lets no one in. The secret is 160 random bits, so no salt or slow hash is needed.
pub(crate) fn hashed(secret: &str) -> String {
    polku_store::secret::sha256_hex(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_url_safe_and_differ() {
        let (a, b) = (token(), token());
        assert_eq!(a.len(), 32, "160 bits in base32");
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)));
        assert_ne!(a, b);
        assert_eq!(device_secret().len(), 32);
    }

    #[test]
    fn codes_read_forgivingly() {
        let c = code();
        assert!(looks_like_code(&c));
        assert_eq!(format_code("K7P4QX2M"), "K7P4-QX2M");
        assert_eq!(normalize_code("k7p4-qx2m"), "K7P4QX2M");
        assert_eq!(normalize_code("0o1Il"), "00111");
        assert!(!looks_like_code("K7P4QX2"));
        assert!(!looks_like_code("K7P4QX2U"));
    }

    #[test]
    fn encoding_is_crockford() {
        assert_eq!(encode(&[0xff, 0xff, 0xff, 0xff, 0xff]), "ZZZZZZZZ");
        assert_eq!(encode(&[0, 0, 0, 0, 0]), "00000000");
        assert_eq!(encode(&[0x08]), "10");
    }

    #[test]
    fn comparison() {
        assert!(same("ABC", "ABC"));
        assert!(!same("ABD", "ABC"));
        assert!(!same("AB", "ABC"));
    }
}
