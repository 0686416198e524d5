-- Bulk verification of the patient file (issue #3): a persisted work list, so a run can pause,
-- resume and survive a crash without losing or repeating finished items.
CREATE TABLE verification_runs (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    operator      TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('running', 'paused', 'done')),
    total         INTEGER NOT NULL,
    in_doubt      INTEGER NOT NULL DEFAULT 0,   -- items claimed when a run stopped abruptly
    finished_at   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE verification_items (
    run_id      INTEGER NOT NULL REFERENCES verification_runs (id),
    identity_id INTEGER NOT NULL REFERENCES identities (id),
    state       TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
    outcome     TEXT NOT NULL DEFAULT '',       -- confirmed, not_found, …, or an error code
    detail      TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, identity_id)
);
CREATE INDEX verification_items_state ON verification_items (run_id, state);
