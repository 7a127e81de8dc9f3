-- Command-side lookups for participations (DOMAIN-ERRATA I4), kept in the transaction of their events.

-- The full parameters of the policy version in force (JSON object of strings), read by rules of other aggregates.
ALTER TABLE campaign_policy ADD COLUMN parameters TEXT;

-- The unit types each batch admits (R-CMP-01, R-UNP-01).
CREATE TABLE campaign_batch (
    campaign_id VARCHAR(100) NOT NULL,
    batch_no    INTEGER      NOT NULL,
    categories  TEXT         NOT NULL,
    PRIMARY KEY (campaign_id, batch_no)
);

-- One row per participation; one participation per unit and campaign (R-UNP-01); stage starts for the cascade
-- of stages (R-UNP-07, R-UNP-08).
CREATE TABLE participation_directory (
    participation_id VARCHAR(255) NOT NULL PRIMARY KEY,
    campaign_id      VARCHAR(100) NOT NULL,
    unit_id          VARCHAR(100) NOT NULL,
    tier_no          INTEGER      NOT NULL,
    stage1_start     DATE,
    stage2_start     DATE,
    stage3_start     DATE,
    CONSTRAINT uq_participation_unit UNIQUE (campaign_id, unit_id)
);
