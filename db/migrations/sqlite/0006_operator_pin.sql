-- Operator PINs (issue #6): a side table rather than columns of `operators`, so the operator
-- queries stay as they are and an operator without a PIN simply has no row. The PIN is never
-- stored: `pin_hash` is a salted PBKDF2-HMAC-SHA-256 record (core/util/Pbkdf2.h).
CREATE TABLE operator_pins (
    operator_id     INTEGER PRIMARY KEY REFERENCES operators (id),
    pin_hash        TEXT NOT NULL CHECK (pin_hash LIKE 'pbkdf2-sha256$%'),
    set_at          TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    TEXT NOT NULL DEFAULT ''    -- UTC; '' when not locked
);
