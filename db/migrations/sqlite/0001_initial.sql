-- Vigie référentiel, schema 1. Applied in one transaction with the row in schema_migrations.
-- The INS identity and the billing identity live in separate tables (identity-rules.md §1).

CREATE TABLE identities (
    id                      INTEGER PRIMARY KEY,        -- the local identifier (IPP)
    version                 INTEGER NOT NULL DEFAULT 1, -- optimistic concurrency
    status                  TEXT NOT NULL CHECK (status IN ('PROV', 'RECUP', 'VALI', 'QUAL')),
    birth_name              TEXT NOT NULL CHECK (birth_name <> ''),
    birth_first_names       TEXT NOT NULL CHECK (birth_first_names <> ''),
    first_birth_first_name  TEXT NOT NULL,
    birth_date              TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    birth_date_completed    INTEGER NOT NULL DEFAULT 0 CHECK (birth_date_completed IN (0, 1)),
    sex                     TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    birth_place             TEXT NOT NULL DEFAULT '',
    used_name               TEXT NOT NULL DEFAULT '',
    used_first_name         TEXT NOT NULL DEFAULT '',
    homonyme                INTEGER NOT NULL DEFAULT 0 CHECK (homonyme IN (0, 1)),
    douteuse                INTEGER NOT NULL DEFAULT 0 CHECK (douteuse IN (0, 1)),
    fictive                 INTEGER NOT NULL DEFAULT 0 CHECK (fictive IN (0, 1)),
    ins_matricule           TEXT,
    ins_oid                 TEXT,
    ins_start               TEXT NOT NULL DEFAULT '',
    ins_end                 TEXT NOT NULL DEFAULT '',
    ins_retrieved_at        TEXT NOT NULL DEFAULT '',
    doc_type                TEXT,
    doc_expiry              TEXT,
    doc_operator            TEXT NOT NULL DEFAULT '',
    doc_checked_at          TEXT NOT NULL DEFAULT '',
    -- Derived search keys, written by the store from the traits (never edited by hand).
    cmp_birth_name          TEXT NOT NULL,
    cmp_used_name           TEXT NOT NULL,
    phon_birth_name         TEXT NOT NULL,
    phon_first_name         TEXT NOT NULL,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    -- The status invariants of identity-rules.md §3, as a last line of defence.
    CHECK ((ins_matricule IS NULL) = (ins_oid IS NULL)),
    CHECK ((ins_matricule IS NOT NULL) = (status IN ('RECUP', 'QUAL'))),
    CHECK ((doc_type IS NOT NULL) = (status IN ('VALI', 'QUAL'))),
    CHECK (NOT (birth_date_completed = 1 AND status IN ('RECUP', 'QUAL'))),
    CHECK (NOT ((douteuse = 1 OR fictive = 1) AND status <> 'PROV')),
    CHECK (NOT (fictive = 1 AND (homonyme = 1 OR douteuse = 1)))
);
-- One matricule INS (+OID) = at most one identity.
CREATE UNIQUE INDEX identities_ins ON identities (ins_matricule, ins_oid) WHERE ins_matricule IS NOT NULL;
CREATE INDEX identities_birth_date ON identities (birth_date, cmp_birth_name);
CREATE INDEX identities_birth_name ON identities (cmp_birth_name);
CREATE INDEX identities_used_name ON identities (cmp_used_name) WHERE cmp_used_name <> '';
CREATE INDEX identities_phonetic ON identities (phon_birth_name, phon_first_name);

-- INSHISTO, kept as returned (EXI REC 08).
CREATE TABLE ins_history (
    identity_id INTEGER NOT NULL REFERENCES identities (id),
    position    INTEGER NOT NULL,
    matricule   TEXT NOT NULL,
    oid         TEXT NOT NULL,
    start_date  TEXT NOT NULL DEFAULT '',
    end_date    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (identity_id, position)
);

-- Billing identities (carte Vitale / AMO): linked to an identity, never merged into it.
CREATE TABLE billing_identities (
    id              INTEGER PRIMARY KEY,
    identity_id     INTEGER REFERENCES identities (id),
    insured_nir     TEXT NOT NULL,
    insured_nir_key TEXT NOT NULL DEFAULT '',
    beneficiary_nir TEXT NOT NULL DEFAULT '',
    last_name       TEXT NOT NULL DEFAULT '',
    first_name      TEXT NOT NULL DEFAULT '',
    usual_name      TEXT NOT NULL DEFAULT '',
    raw_birth_date  TEXT NOT NULL DEFAULT '',   -- verbatim, lunar dates allowed
    birth_rank      INTEGER NOT NULL DEFAULT 0,
    quality         TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
);
CREATE INDEX billing_identities_identity ON billing_identities (identity_id);
CREATE INDEX billing_identities_insured ON billing_identities (insured_nir);

CREATE TABLE document_checks (
    id            INTEGER PRIMARY KEY,
    identity_id   INTEGER NOT NULL REFERENCES identities (id),
    document_type TEXT NOT NULL,
    expiry        TEXT,
    operator      TEXT NOT NULL,
    checked_at    TEXT NOT NULL
);
CREATE INDEX document_checks_identity ON document_checks (identity_id);

CREATE TABLE operators (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('comptoir', 'preparateur', 'titulaire', 'identitovigilance')),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

-- Append-only journal, hash-chained (core/usecases/JournalChain). The triggers refuse any
-- UPDATE or DELETE; the chain detects what bypasses them.
CREATE TABLE journal (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    operator    TEXT NOT NULL,
    role        TEXT NOT NULL,
    action      TEXT NOT NULL,
    identity_id INTEGER,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX journal_identity ON journal (identity_id);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
