-- Schema version 4: sequence attributes for sequence matching (PS3.4 C.2.2.2.6) and for the PET pipeline. The
-- sequences kept are listed in Index/SequenceKeys.cs: per owner (patient, study or series row) the items of each
-- sequence, nested items under their parent item, and each item's text values (decoded, padding removed).
-- owner_level is the QueryLevel number (0 patient, 1 study, 2 series); the owner rows have no foreign key of their
-- own (the owner table depends on the level), so triggers delete the items of a deleted owner, and the items'
-- children and values go by ON DELETE CASCADE.
CREATE TABLE sequence_item (
    pk                  INTEGER PRIMARY KEY,
    owner_level         INTEGER NOT NULL,
    owner_pk            INTEGER NOT NULL,
    parent_pk           INTEGER REFERENCES sequence_item(pk) ON DELETE CASCADE,
    sequence_tag        INTEGER NOT NULL,
    item_number         INTEGER NOT NULL
);
CREATE INDEX ix_sequence_item_owner ON sequence_item(owner_level, owner_pk, sequence_tag);
CREATE INDEX ix_sequence_item_parent ON sequence_item(parent_pk);

CREATE TABLE sequence_value (
    item_pk             INTEGER NOT NULL REFERENCES sequence_item(pk) ON DELETE CASCADE,
    tag                 INTEGER NOT NULL,
    vr                  TEXT NOT NULL,
    value               TEXT NOT NULL,
    PRIMARY KEY (item_pk, tag)
) WITHOUT ROWID;
CREATE INDEX ix_sequence_value_tag ON sequence_value(tag, value);

CREATE TRIGGER tr_patient_sequences AFTER DELETE ON patient BEGIN
    DELETE FROM sequence_item WHERE owner_level = 0 AND owner_pk = OLD.pk;
END;
CREATE TRIGGER tr_study_sequences AFTER DELETE ON study BEGIN
    DELETE FROM sequence_item WHERE owner_level = 1 AND owner_pk = OLD.pk;
END;
CREATE TRIGGER tr_series_sequences AFTER DELETE ON series BEGIN
    DELETE FROM sequence_item WHERE owner_level = 2 AND owner_pk = OLD.pk;
END;
