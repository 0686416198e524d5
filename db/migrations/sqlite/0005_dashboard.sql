-- Tableau de bord (issue #6): the status trend cache and the INSi call metrics.
--
-- status_snapshots: identities per status at the end of each past UTC day, rebuilt by replaying
-- the journal (usecases/Dashboard). A past day never changes, so rows are only ever appended;
-- status_snapshot_head says up to which journal seq they were replayed.
CREATE TABLE status_snapshots (
    day    TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status TEXT NOT NULL CHECK (status IN ('PROV', 'RECUP', 'VALI', 'QUAL')),
    count  INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (day, status)
);
CREATE TABLE status_snapshot_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    day      TEXT NOT NULL,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
);

-- One row per INSi call (usecases/MeteredInsiService): what, how, how long — never a NIR or a
-- name. Written in its own small transaction after each call.
CREATE TABLE insi_calls (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    operation   TEXT NOT NULL CHECK (operation IN ('RECSANSVITALE', 'RECVITALE')),
    mode        TEXT NOT NULL CHECK (mode IN ('operator', 'batch')),
    outcome     TEXT NOT NULL CHECK (length(outcome) BETWEEN 1 AND 40),
    failed      INTEGER NOT NULL CHECK (failed IN (0, 1)),
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0)
);
CREATE INDEX insi_calls_at ON insi_calls (at);

-- Active patients = journal entries of the last 365 days: find them without scanning the journal.
CREATE INDEX journal_at ON journal (at, identity_id);
