//! Signing the desktop app in through the system browser (the pattern of RFC 8252): the app
//! sends the browser to the team server with the SHA-256 of a secret verifier; the signed-in
//! browser gets a one-time code for the app's loopback address; the app trades the code and the
//! verifier for a sign-in of its own. A code works once, for `HANDOFF_MS`, and only with its
//! verifier, so another program on the computer that catches it gains nothing.

use polku_core::Millis;

use super::accounts::{new_secret, start, token_hash, Accounts, Facilitator, SignedIn};
use crate::StoreError;

/// How long a code waits for the app.
pub const HANDOFF_MS: Millis = 60_000;

/// A challenge as the app sends it: the verifier's SHA-256 in lower-case hex.
pub fn valid_challenge(challenge: &str) -> bool {
    challenge.len() == 64 && challenge.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Accounts {
    /// A one-time code for `f`'s app, which only `challenge`'s verifier redeems.
    pub fn hand_off(&self, f: &Facilitator, challenge: &str, now: Millis) -> Result<String, StoreError> {
        if !valid_challenge(challenge) {
            return Err(polku_core::OpError::invalid("challenge", "the app's challenge is not a SHA-256 in hex").into());
        }
        let code = new_secret();
        self.with(|c| {
            c.execute("DELETE FROM desktop_handoff WHERE expires_at <= $1", &[&now])?;
            c.execute(
                "INSERT INTO desktop_handoff (code_hash, facilitator_id, challenge, expires_at) VALUES ($1, $2, $3, $4)",
                &[&token_hash(&code), &f.id.to_string(), &challenge, &(now + HANDOFF_MS)],
            )?;
            Ok(())
        })?;
        Ok(code)
    }

    /// The app's own sign-in for a code and its verifier; None when either is wrong, the code
    /// was used or has expired, or its facilitator was disabled meanwhile. The code is spent
    /// either way.
    pub fn take_hand_off(&self, code: &str, verifier: &str, now: Millis) -> Result<Option<SignedIn>, StoreError> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let row = tx.query_opt(
                &format!(
                    "DELETE FROM desktop_handoff h USING facilitator f WHERE h.code_hash = $1 AND f.id = h.facilitator_id
                     RETURNING {}, h.challenge, h.expires_at",
                    super::accounts::COLUMNS
                ),
                &[&token_hash(code)],
            )?;
            let Some(row) = row else { return Ok(None) };
            let f = super::accounts::facilitator(&row)?;
            let (challenge, expires_at): (String, Millis) = (row.get(5), row.get(6));
            let verified = crate::secret::same(&token_hash(verifier), &challenge);
            if !verified || expires_at <= now || f.disabled {
                tx.commit()?;
                return Ok(None);
            }
            let signed = start(&mut tx, f, now)?;
            tx.commit()?;
            Ok(Some(signed))
        })
    }
}

