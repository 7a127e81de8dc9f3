-- Command-side lookups of PublicEvaluation (DOMAIN §4.13, DOMAIN-ERRATA I4), kept in the transaction of their
-- events: each participation's attempts per type with their outcome and scope (R-EVL-06, R-EVL-11), and the reworks
-- ordered after a failed attempt (R-EVL-11).

CREATE TABLE evaluation_attempt (
    evaluation_id     VARCHAR(300) NOT NULL PRIMARY KEY,
    participation_id  VARCHAR(255) NOT NULL,
    evaluation_type   VARCHAR(16)  NOT NULL,
    attempt_no        INTEGER      NOT NULL,
    outcome           VARCHAR(8)   NOT NULL,
    participant_scope TEXT         NOT NULL,
    CONSTRAINT uq_evaluation_attempt UNIQUE (participation_id, evaluation_type, attempt_no)
);

CREATE TABLE evaluation_rework (
    participation_id VARCHAR(255) NOT NULL,
    rework_id        VARCHAR(100) NOT NULL,
    evaluation_id    VARCHAR(300) NOT NULL,
    completed        BOOLEAN      NOT NULL,
    PRIMARY KEY (participation_id, rework_id)
);
CREATE INDEX evaluation_rework_evaluation ON evaluation_rework (evaluation_id);
