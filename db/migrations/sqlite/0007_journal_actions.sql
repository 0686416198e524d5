-- INS collisions under review (issue #6, Identitovigilance « Collisions INS »): the open
-- collisions are the identity.ins_collision entries no identity.collision_reviewed entry names.
-- A partial index keeps both lists cheap on a long journal without indexing every other action
-- (the journal grows with every change; only these two actions are ever listed).
CREATE INDEX journal_review_actions ON journal (action, seq)
    WHERE action IN ('identity.ins_collision', 'identity.collision_reviewed');
