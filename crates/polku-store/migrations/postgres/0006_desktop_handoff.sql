-- Signing the desktop app in through the system browser: the browser, signed in, hands a
-- one-time code to the app on this computer's loopback; the app trades it, with the verifier
-- whose SHA-256 the browser sent along, for a sign-in of its own. Only hashes are kept, and a code
-- lasts a minute.

CREATE TABLE desktop_handoff (
    code_hash      TEXT COLLATE "C" PRIMARY KEY,
    facilitator_id TEXT COLLATE "C" NOT NULL REFERENCES facilitator(id) ON DELETE CASCADE,
    challenge      TEXT COLLATE "C" NOT NULL,
    expires_at     BIGINT NOT NULL
);
