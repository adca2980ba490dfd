-- PacsNode index, schema version 1. Applied in one transaction by SchemaMigrator; PRAGMA user_version = 1 after it.
-- Text columns hold values as received (padding removed); *_key columns hold the normalised form used for matching:
-- dates as YYYYMMDD, times as microseconds since midnight, date-times as microseconds since 0001-01-01 (offset
-- ignored), person names upper-cased (invariant) for case-insensitive PN matching.

CREATE TABLE patient (
    pk                  INTEGER PRIMARY KEY,
    patient_id          TEXT NOT NULL UNIQUE,
    patient_name        TEXT,
    patient_name_key    TEXT,
    birth_date          TEXT,
    birth_date_key      TEXT,
    sex                 TEXT
);
CREATE INDEX ix_patient_name ON patient(patient_name_key);
CREATE INDEX ix_patient_birth_date ON patient(birth_date_key);

CREATE TABLE study (
    pk                  INTEGER PRIMARY KEY,
    patient_pk          INTEGER NOT NULL REFERENCES patient(pk) ON DELETE CASCADE,
    study_uid           TEXT NOT NULL UNIQUE,
    study_date          TEXT,
    study_date_key      TEXT,
    study_time          TEXT,
    study_time_key      INTEGER,
    accession_number    TEXT,
    study_id            TEXT,
    study_description   TEXT,
    referring_physician TEXT,
    referring_physician_key TEXT
);
CREATE INDEX ix_study_patient ON study(patient_pk);
CREATE INDEX ix_study_date ON study(study_date_key);
CREATE INDEX ix_study_accession ON study(accession_number);
CREATE INDEX ix_study_id ON study(study_id);

CREATE TABLE series (
    pk                  INTEGER PRIMARY KEY,
    study_pk            INTEGER NOT NULL REFERENCES study(pk) ON DELETE CASCADE,
    series_uid          TEXT NOT NULL UNIQUE,
    modality            TEXT,
    series_number       INTEGER,
    series_number_text  TEXT,
    series_description  TEXT,
    -- PET quantification: Units (0054,1001), Decay Correction (0054,1102), Corrected Image (0028,0051).
    units               TEXT,
    decay_correction    TEXT,
    corrected_image     TEXT
);
CREATE INDEX ix_series_study ON series(study_pk);
CREATE INDEX ix_series_modality ON series(modality);

CREATE TABLE instance (
    pk                  INTEGER PRIMARY KEY,
    series_pk           INTEGER NOT NULL REFERENCES series(pk) ON DELETE CASCADE,
    sop_instance_uid    TEXT NOT NULL UNIQUE,
    sop_class_uid       TEXT NOT NULL,
    instance_number     INTEGER,
    instance_number_text TEXT,
    acquisition_datetime TEXT,
    acquisition_datetime_key INTEGER,
    transfer_syntax_uid TEXT NOT NULL,
    file_path           TEXT NOT NULL,
    file_size           INTEGER NOT NULL,
    received_at         TEXT NOT NULL
);
CREATE INDEX ix_instance_series ON instance(series_pk);
CREATE INDEX ix_instance_sop_class ON instance(sop_class_uid);
