-- Schema version 3: indexes for C-FIND at scale (docs/BENCHMARKS.md, "C-FIND latency"). EXPLAIN QUERY PLAN showed
-- the Modalities in Study condition, EXISTS (SELECT 1 FROM series WHERE study_pk = ? AND modality = ?), searching
-- ix_series_modality: every series of that modality for every study (331 ms median at 100,000 instances). The
-- composite index answers it with one seek per study and also serves every lookup by study_pk, so it replaces
-- ix_series_study.
CREATE INDEX ix_series_study_modality ON series(study_pk, modality);
DROP INDEX ix_series_study;
