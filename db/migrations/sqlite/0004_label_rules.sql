-- Label rule sets configured by the pharmacy owner (issue #5). The rule set itself is a
-- versioned JSON document validated by printing/model before it reaches the store; the store
-- keeps it whole, with an optimistic version. Every change is journaled (identity_id NULL).
CREATE TABLE label_rules (
    name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
    body        TEXT NOT NULL CHECK (json_valid(body)),
    version     INTEGER NOT NULL CHECK (version >= 1),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
