-- A jurisdiction's OverridePolicy values per rollout (DOMAIN §2, §4.3), read with the campaign's policy, e.g. its
-- defaultEvaluationScope (DOMAIN-ERRATA B8). The latest value of a parameter wins.
CREATE TABLE rollout_policy_override (
    rollout_id      VARCHAR(300) NOT NULL,
    parameter       VARCHAR(64)  NOT NULL,
    parameter_value VARCHAR(500) NOT NULL,
    PRIMARY KEY (rollout_id, parameter)
);

-- Facts that satisfy an evaluation precondition, recorded when they happen whether or not the evaluation is planned
-- yet, so that planning credits every fact that came first (DOMAIN-ERRATA B1 seeding). A fact is about one
-- evaluation (an approved notification material or evaluation plan naming it) or one meeting (held, SG feedback
-- delivered), which credits the POST_MEETING evaluations of that meeting.
CREATE TABLE evaluation_precondition_fact (
    subject_kind VARCHAR(16)  NOT NULL,
    subject_id   VARCHAR(300) NOT NULL,
    precondition VARCHAR(32)  NOT NULL,
    source_ref   VARCHAR(255) NOT NULL,
    PRIMARY KEY (subject_kind, subject_id, precondition)
);

ALTER TABLE evaluation_attempt ADD COLUMN meeting_id VARCHAR(255);
CREATE INDEX evaluation_attempt_meeting ON evaluation_attempt (meeting_id);
