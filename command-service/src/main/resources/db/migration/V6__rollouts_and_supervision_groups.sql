-- Command-side lookups of JurisdictionRollout and SupervisionGroup (DOMAIN §4.3, §4.4, DOMAIN-ERRATA I4), kept
-- in the same transaction as the events. Date ranges include both ends; a NULL end is open.

CREATE TABLE rollout_office_approver (
    rollout_id           VARCHAR(100) NOT NULL,
    jurisdiction_unit_id VARCHAR(100) NOT NULL,
    person_id            VARCHAR(100) NOT NULL,
    PRIMARY KEY (rollout_id, person_id)
);

CREATE TABLE policy_exception (
    exception_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    rollout_id     VARCHAR(100) NOT NULL,
    unit_id        VARCHAR(100) NOT NULL,
    rule_id        VARCHAR(32)  NOT NULL,
    approved_by    VARCHAR(100) NOT NULL,
    granted_on     DATE         NOT NULL,
    valid_until    DATE,
    reusable       BOOLEAN      NOT NULL
);
CREATE INDEX policy_exception_unit_rule ON policy_exception (unit_id, rule_id);

CREATE TABLE sg_group (
    sg_id               VARCHAR(100) NOT NULL PRIMARY KEY,
    kind                VARCHAR(16)  NOT NULL,
    dispatching_unit_id VARCHAR(100) NOT NULL,
    dispatching_level   VARCHAR(16)  NOT NULL,
    disbanded_on        DATE
);

CREATE TABLE sg_member (
    sg_id          VARCHAR(100) NOT NULL REFERENCES sg_group (sg_id),
    person_id      VARCHAR(100) NOT NULL,
    source_unit_id VARCHAR(100) NOT NULL,
    valid_from     DATE         NOT NULL,
    valid_to       DATE,
    PRIMARY KEY (sg_id, person_id, valid_from)
);

CREATE TABLE sg_assignment (
    sg_id      VARCHAR(100) NOT NULL REFERENCES sg_group (sg_id),
    unit_id    VARCHAR(100) NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    valid_from DATE         NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (sg_id, unit_id, valid_from)
);
CREATE INDEX sg_assignment_unit ON sg_assignment (unit_id);
-- R-SG-02 is checked in the aggregate against this table; two groups assigning the same unit concurrently
-- would both pass that check, so the store refuses the second open-ended non-circuit assignment.
CREATE UNIQUE INDEX sg_assignment_one_open_supervisor ON sg_assignment (unit_id)
    WHERE valid_to IS NULL AND kind <> 'CIRCUIT';

-- The latest guidance per unit type, for R-RLO-05 when a unit of that type starts Stage 1.
CREATE TABLE rollout_type_guidance (
    rollout_id   VARCHAR(100) NOT NULL,
    unit_type    VARCHAR(32)  NOT NULL,
    document_ref VARCHAR(500) NOT NULL,
    PRIMARY KEY (rollout_id, unit_type)
);
