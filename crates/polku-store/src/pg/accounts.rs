//! Facilitators of a team library and their sign-ins. A password is kept only as an Argon2id
//! hash; a signed-in browser holds a random secret whose SHA-256 is kept, so a copy of the
//! database signs no one in. Failed passwords are counted per address in the database, so the
//! limit holds across instances: after `MAX_FAILURES` within `FAILURE_WINDOW_MS` the address
//! waits out the window, whatever the password.


use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use polku_core::{Id, Millis};
use postgres::{Client, Config};

use super::lazy::Lazy;
use crate::StoreError;

/// Failed passwords an address may have within the window before it must wait.
pub const MAX_FAILURES: i64 = 5;
pub const FAILURE_WINDOW_MS: Millis = 15 * 60 * 1000;
/// How long a sign-in lasts: a working day and then some.
pub const SIGN_IN_MS: Millis = 12 * 60 * 60 * 1000;
/// The shortest password a facilitator may set.
pub const MIN_PASSWORD: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facilitator {
    pub id: Id,
    pub email: String,
    pub name: String,
    pub admin: bool,
    pub disabled: bool,
}

/// Why a sign-in was refused. The same answer for an unknown address and a wrong password, so
/// the form tells no one which addresses have accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Wrong,
    /// Too many wrong passwords lately: try again after this many milliseconds.
    Wait(Millis),
}

/// A browser's sign-in: the secret for its cookie, and who it is.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub secret: String,
    pub facilitator: Facilitator,
    pub expires_at: Millis,
}

pub struct Accounts {
    connection: Lazy,
}

pub(crate) fn token_hash(secret: &str) -> String {
    crate::secret::sha256_hex(secret)
}

pub(crate) fn new_secret() -> String {
    crate::secret::random_hex()
}

/// An address as it is kept and compared: trimmed, lower case.
pub fn normal_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn hash_password(password: &str) -> Result<String, StoreError> {
    Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(|e| StoreError::Decode(format!("password hash: {e}")))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

pub(crate) fn facilitator(row: &postgres::Row) -> Result<Facilitator, StoreError> {
    let id: String = row.get(0);
    Ok(Facilitator {
        id: Id::parse_str(&id).map_err(|e| StoreError::Decode(e.to_string()))?,
        email: row.get(1),
        name: row.get(2),
        admin: row.get(3),
        disabled: row.get(4),
    })
}

pub(crate) const COLUMNS: &str = "f.id, f.email, f.name, f.admin, f.disabled";

impl Accounts {
    pub(crate) fn new(config: Config) -> Accounts {
        Accounts { connection: Lazy::new(config) }
    }

    /// The facilitators of the team library at `url` (its schema brought up to date by
    /// [`crate::PgStore::connect`] first); connects on first use.
    pub fn connect(url: &str) -> Result<Accounts, StoreError> {
        let config: Config = url.parse().map_err(|e: postgres::Error| StoreError::Connect { location: "postgres://…".into(), message: e.to_string() })?;
        Ok(Accounts::new(config))
    }

    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T, StoreError>) -> Result<T, StoreError> {
        self.connection.with(f)
    }

    /// Adds a facilitator; with no password they sign in only through the OpenID provider.
    pub fn add(&self, email: &str, name: &str, password: Option<&str>, admin: bool, now: Millis) -> Result<Facilitator, StoreError> {
        let email = normal_email(email);
        if !email.contains('@') || email.len() > 254 || name.trim().is_empty() || name.len() > 200 {
            return Err(polku_core::OpError::invalid("email", "an address like name@example.fi and a name").into());
        }
        let hash = password.map(checked_hash).transpose()?;
        let id = Id::now_v7();
        self.with(|c| {
            let added = c.execute(
                "INSERT INTO facilitator (id, email, name, password_hash, admin, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING",
                &[&id.to_string(), &email, &name.trim(), &hash, &admin, &now],
            )?;
            if added == 0 {
                return Err(polku_core::OpError::invalid("email_taken", format!("{email} already has an account")).into());
            }
            Ok(Facilitator { id, email: email.clone(), name: name.trim().to_string(), admin, disabled: false })
        })
    }

    pub fn list(&self) -> Result<Vec<Facilitator>, StoreError> {
        self.with(|c| c.query(&format!("SELECT {COLUMNS} FROM facilitator f ORDER BY f.email"), &[])?.iter().map(facilitator).collect())
    }

    pub fn find(&self, email: &str) -> Result<Option<Facilitator>, StoreError> {
        let email = normal_email(email);
        self.with(|c| c.query_opt(&format!("SELECT {COLUMNS} FROM facilitator f WHERE f.email = $1"), &[&email])?.as_ref().map(facilitator).transpose())
    }

    /// A new password; every browser signed in as them is signed out.
    pub fn set_password(&self, email: &str, password: &str) -> Result<(), StoreError> {
        let hash = checked_hash(password)?;
        self.update(email, "UPDATE facilitator SET password_hash = $2 WHERE email = $1 RETURNING id", &hash)
    }

    /// Takes away (or gives back) the right to sign in; a disabled facilitator is signed out.
    pub fn set_disabled(&self, email: &str, disabled: bool) -> Result<(), StoreError> {
        self.update(email, "UPDATE facilitator SET disabled = $2 WHERE email = $1 RETURNING id", &disabled)
    }

    pub fn set_admin(&self, email: &str, admin: bool) -> Result<(), StoreError> {
        self.update(email, "UPDATE facilitator SET admin = $2 WHERE email = $1 RETURNING id", &admin)
    }

    fn update(&self, email: &str, sql: &str, value: &(dyn postgres::types::ToSql + Sync)) -> Result<(), StoreError> {
        let email = normal_email(email);
        self.with(|c| {
            let mut tx = c.transaction()?;
            let Some(row) = tx.query_opt(sql, &[&email, value])? else {
                return Err(polku_core::OpError::invalid("facilitator", format!("no facilitator {email}")).into());
            };
            let id: String = row.get(0);
            tx.execute("DELETE FROM sign_in WHERE facilitator_id = $1", &[&id])?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Signs a facilitator in with their password: a new browser secret, or why not.
    pub fn sign_in(&self, email: &str, password: &str, now: Millis) -> Result<Result<SignedIn, Refused>, StoreError> {
        let email = normal_email(email);
        let known = self.with(|c| {
            let since = now - FAILURE_WINDOW_MS;
            c.execute("DELETE FROM sign_in_failure WHERE at < $1", &[&since])?;
            let failures = c.query("SELECT at FROM sign_in_failure WHERE email = $1 ORDER BY at", &[&email])?;
            if failures.len() as i64 >= MAX_FAILURES {
                let oldest: Millis = failures[0].get(0);
                return Ok(Err(Refused::Wait((oldest + FAILURE_WINDOW_MS - now).max(1000))));
            }
            let row = c.query_opt(&format!("SELECT {COLUMNS}, f.password_hash FROM facilitator f WHERE f.email = $1"), &[&email])?;
            Ok(Ok(row.as_ref().map(|r| Ok::<_, StoreError>((facilitator(r)?, r.get::<_, Option<String>>(5)))).transpose()?))
        })?;
        let known = match known {
            Ok(known) => known,
            Err(wait) => return Ok(Err(wait)),
        };
        // The hash is checked off the connection: it is slow on purpose, and the access checks of
        // every request share this connection. An unknown address costs the same as a known one.
        let hash = known.as_ref().and_then(|(_, h)| h.clone()).unwrap_or_else(|| DUMMY_HASH.to_string());
        let matches = password_matches(password, &hash);
        self.with(|c| {
            let Some((f, Some(_))) = known.filter(|(f, _)| matches && !f.disabled) else {
                c.execute("INSERT INTO sign_in_failure (email, at) VALUES ($1, $2)", &[&email, &now])?;
                return Ok(Err(Refused::Wrong));
            };
            c.execute("DELETE FROM sign_in_failure WHERE email = $1", &[&email])?;
            Ok(Ok(start(c, f, now)?))
        })
    }

    /// Who a browser's secret signs in, while it lasts and they may.
    pub fn signed_in(&self, secret: &str, now: Millis) -> Result<Option<Facilitator>, StoreError> {
        self.with(|c| {
            let row = c.query_opt(
                &format!("SELECT {COLUMNS} FROM sign_in s JOIN facilitator f ON f.id = s.facilitator_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT f.disabled"),
                &[&token_hash(secret), &now],
            )?;
            row.as_ref().map(facilitator).transpose()
        })
    }

    /// Signs in whom the organisation's OpenID provider vouched for: the facilitator linked to
    /// that identity; else the one an admin added under its address, linked now (unless the
    /// provider says the address is unconfirmed); else, when `add_new`, a new facilitator.
    pub fn sign_in_oidc(&self, who: &Identity, add_new: bool, now: Millis) -> Result<Result<SignedIn, NotLetIn>, StoreError> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let found = tx.query_opt(
                &format!("SELECT {COLUMNS} FROM facilitator f WHERE f.oidc_issuer = $1 AND f.oidc_subject = $2"),
                &[&who.issuer, &who.subject],
            )?;
            let f = match found.as_ref().map(facilitator).transpose()? {
                Some(f) => f,
                None => match link_or_add(&mut tx, who, add_new, now)? {
                    Ok(f) => f,
                    Err(no) => return Ok(Err(no)),
                },
            };
            if f.disabled {
                return Ok(Err(NotLetIn::Disabled));
            }
            let signed = start(&mut tx, f, now)?;
            tx.commit()?;
            Ok(Ok(signed))
        })
    }

    pub fn sign_out(&self, secret: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute("DELETE FROM sign_in WHERE token_hash = $1", &[&token_hash(secret)])?;
            Ok(())
        })
    }
}

/// A person as the OpenID provider names them in a verified ID token.
#[derive(Debug, Clone)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    /// The provider's `email_verified`; Entra ID, for one, does not send it.
    pub email_verified: Option<bool>,
    pub name: Option<String>,
}

/// Why the provider's word was not enough.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotLetIn {
    /// No facilitator here has this identity or its address.
    NotFacilitator,
    Disabled,
}

/// The facilitator an admin added under the identity's address, now linked to it; or a new one.
fn link_or_add(tx: &mut postgres::Transaction, who: &Identity, add_new: bool, now: Millis) -> Result<Result<Facilitator, NotLetIn>, StoreError> {
    let email = who.email.as_deref().map(normal_email).filter(|e| e.contains('@') && e.len() <= 254);
    // An address the provider says is unconfirmed could be anyone's.
    let Some(email) = email.filter(|_| who.email_verified != Some(false)) else {
        return Ok(Err(NotLetIn::NotFacilitator));
    };
    let row = tx.query_opt(&format!("SELECT {COLUMNS}, f.oidc_subject FROM facilitator f WHERE f.email = $1 FOR UPDATE"), &[&email])?;
    if let Some(row) = row {
        // Linked to another identity already: the address alone does not make this them.
        if row.get::<_, Option<String>>(5).is_some() {
            return Ok(Err(NotLetIn::NotFacilitator));
        }
        let f = facilitator(&row)?;
        tx.execute("UPDATE facilitator SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1", &[&f.id.to_string(), &who.issuer, &who.subject])?;
        return Ok(Ok(f));
    }
    if !add_new {
        return Ok(Err(NotLetIn::NotFacilitator));
    }
    let name = who.name.as_deref().map(str::trim).filter(|n| !n.is_empty() && n.len() <= 200).unwrap_or(&email).to_string();
    let id = Id::now_v7();
    let added = tx.execute(
        "INSERT INTO facilitator (id, email, name, oidc_issuer, oidc_subject, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        &[&id.to_string(), &email, &name, &who.issuer, &who.subject, &now],
    )?;
    if added == 0 {
        // Another instance added them this very moment; their next try finds the link.
        return Ok(Err(NotLetIn::NotFacilitator));
    }
    Ok(Ok(Facilitator { id, email, name, admin: false, disabled: false }))
}

/// A sign-in that begins now, its secret's hash kept; expired ones are cleared on the way.
pub(crate) fn start(c: &mut impl postgres::GenericClient, f: Facilitator, now: Millis) -> Result<SignedIn, StoreError> {
    let secret = new_secret();
    let expires_at = now + SIGN_IN_MS;
    c.execute("DELETE FROM sign_in WHERE expires_at <= $1", &[&now])?;
    c.execute(
        "INSERT INTO sign_in (token_hash, facilitator_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        &[&token_hash(&secret), &f.id.to_string(), &now, &expires_at],
    )?;
    Ok(SignedIn { secret, facilitator: f, expires_at })
}

fn checked_hash(password: &str) -> Result<String, StoreError> {
    if password.chars().count() < MIN_PASSWORD || password.len() > 1024 {
        return Err(polku_core::OpError::invalid("password", format!("at least {MIN_PASSWORD} characters")).into());
    }
    hash_password(password)
}

/// An Argon2id hash of nothing anyone knows, with the default cost: checked against when the
/// address has no password, so that answer takes as long as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3kK4q1Fz7V7KJq5rHh0y0m2wz7lJq0Xy3o0xk1XbQ5E";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stand_in_hash_is_checked_as_a_real_one_would_be() {
        let parsed = PasswordHash::new(DUMMY_HASH).expect("a PHC string");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        assert!(!password_matches("", DUMMY_HASH));
        let real = hash_password("pitkä salasana tähän").unwrap();
        assert!(password_matches("pitkä salasana tähän", &real) && !password_matches("pitkä salasana", &real));
    }
}
