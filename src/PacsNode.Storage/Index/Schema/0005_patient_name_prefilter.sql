-- Schema version 5: an index-served pre-filter for Patient Name keys. pn_match (per component group) cannot use an
-- index, so a key with a literal start L and no '=' is first narrowed to the names that start with L (case-sensitive:
-- patient_name, else the upper-cased patient_name_key) or that have more than one component group (their ideographic
-- or phonetic group may match): two index searches joined by SQLite's MULTI-INDEX OR, then pn_match on those rows.
ALTER TABLE patient ADD COLUMN patient_name_groups INTEGER NOT NULL DEFAULT 0;
UPDATE patient SET patient_name_groups = 1 WHERE instr(patient_name, '=') > 0;
CREATE INDEX ix_patient_name_text ON patient(patient_name);
CREATE INDEX ix_patient_name_groups ON patient(patient_name_groups);
