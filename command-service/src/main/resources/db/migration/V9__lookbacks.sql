-- Command-side lookups of the look-back (DOMAIN §4.14, DOMAIN-ERRATA B3 and I4), kept in the same transaction as
-- the participation events they read.

-- Each stage's planned end and which stage a participation is in, for R-LBK-04 ("later than the current planned
-- end") and for whether a REDO has a completed stage to reopen.
CREATE TABLE lookback_stage_plan (
    participation_id VARCHAR(255) NOT NULL,
    stage            INT          NOT NULL,
    planned_to       DATE,
    is_current       BOOLEAN      NOT NULL,
    PRIMARY KEY (participation_id, stage)
);

-- The stage each REDO reopened, with the participation's sequence number of its StageReopened: the next
-- StageCompleted of that stage with a higher sequence number completes the redo.
CREATE TABLE lookback_redo (
    look_back_id     VARCHAR(100) NOT NULL PRIMARY KEY,
    participation_id VARCHAR(255) NOT NULL,
    stage            INT          NOT NULL,
    reopened_seq     BIGINT       NOT NULL
);
CREATE INDEX lookback_redo_stage ON lookback_redo (participation_id, stage, reopened_seq);
