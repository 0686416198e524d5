-- Duplicate search filters near birth dates inside the phonetic index (a common name such as
-- MARTIN JEAN has hundreds of rows: no limit may hide a real candidate behind them).
DROP INDEX identities_phonetic;
CREATE INDEX identities_phonetic ON identities (phon_birth_name, phon_first_name, birth_date);
