-- Schema version 2: the combined StudyDate+StudyTime instant, for combined date-time range matching (PS3.4
-- C.2.2.2.5.1, when the association negotiated it). Microseconds since 0001-01-01 of the date at its time (midnight
-- when the time is missing); null without a date. Back-filled from the version 1 key columns.
ALTER TABLE study ADD COLUMN study_datetime_key INTEGER;
UPDATE study SET study_datetime_key =
    CAST(julianday(substr(study_date_key, 1, 4) || '-' || substr(study_date_key, 5, 2) || '-' || substr(study_date_key, 7, 2))
        - julianday('0001-01-01') AS INTEGER) * 86400000000 + COALESCE(study_time_key, 0)
    WHERE study_date_key IS NOT NULL;
CREATE INDEX ix_study_datetime ON study(study_datetime_key);
