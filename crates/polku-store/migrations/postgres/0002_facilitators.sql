-- Who may use a team library: facilitators, each signing in with a password kept as an Argon2id
-- hash, or through the organisation's OpenID provider (issuer and subject). An admin manages the
-- others. Sign-ins are kept here, not in one instance's memory, so every instance knows them;
-- only a hash of each browser's secret is stored.

CREATE TABLE facilitator (
    id            TEXT COLLATE "C" PRIMARY KEY,
    email         TEXT COLLATE "C" NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT,
    oidc_issuer   TEXT COLLATE "C",
    oidc_subject  TEXT COLLATE "C",
    admin         BOOLEAN NOT NULL DEFAULT FALSE,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT NOT NULL,
    UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE sign_in (
    token_hash     TEXT COLLATE "C" PRIMARY KEY,
    facilitator_id TEXT COLLATE "C" NOT NULL REFERENCES facilitator(id) ON DELETE CASCADE,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL
);
CREATE INDEX sign_in_by_facilitator ON sign_in(facilitator_id);

-- Failed password sign-ins, per address, for the limit (kept a short while).
CREATE TABLE sign_in_failure (
    email TEXT COLLATE "C" NOT NULL,
    at    BIGINT NOT NULL
);
CREATE INDEX sign_in_failure_by_email ON sign_in_failure(email, at);
