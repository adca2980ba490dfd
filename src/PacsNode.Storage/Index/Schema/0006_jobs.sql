-- PacsNode index, schema version 6: the auto-processing pipeline's durable queue (PacsNode.Pipeline, Jobs/JobQueue).
-- Times are UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ' (as instance.received_at), so they sort as text.
-- A job is one piece of work on one series: kind 'series-report' (a PET series) or 'reader-vois' (an RTSTRUCT or SEG
-- instance, instance_uid). fingerprint is the SHA-256 (hex) of the series' sorted SOP Instance UIDs when it became
-- ready (of instance_uid for reader-vois); UNIQUE (kind, series_uid, fingerprint) makes the same input one job, even
-- when two enqueues race. state: pending -> running -> done | failed (retried at next_attempt_at) | parked (gave up,
-- last_error says why). Jobs are not tied to series rows: a series deleted or replaced keeps its job history.
CREATE TABLE job (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL,
    study_uid           TEXT NOT NULL,
    series_uid          TEXT NOT NULL,
    instance_uid        TEXT,
    calling_ae          TEXT,
    fingerprint         TEXT NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'parked')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TEXT NOT NULL,
    last_error          TEXT,
    summary             TEXT,
    -- JSON array of the SOP Instance UIDs the job stored (forwarded after it is done).
    result_instances    TEXT,
    -- JSON object stage -> milliseconds (stability, load, suv, kernels, report, store, forward:AE).
    timings             TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (kind, series_uid, fingerprint)
);
CREATE INDEX ix_job_due ON job(state, next_attempt_at);
CREATE INDEX ix_job_series ON job(series_uid);

-- Every result instance of every job: the node's own output, which must never make a job itself.
CREATE VIEW job_result AS
    SELECT job.id AS job_id, r.value AS sop_instance_uid FROM job, json_each(job.result_instances) AS r
    WHERE job.result_instances IS NOT NULL;

-- One C-STORE delivery of a done job's result instances to one destination AE. Parked deliveries are the dead-letter
-- list (last_error says why); 'pacsnode jobs --retry ID' sets one pending again.
CREATE TABLE forward_delivery (
    id                  INTEGER PRIMARY KEY,
    job_id              INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
    destination_ae      TEXT NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'parked')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TEXT NOT NULL,
    last_error          TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (job_id, destination_ae)
);
CREATE INDEX ix_forward_due ON forward_delivery(state, next_attempt_at);
