-- Command-side roster lookup (R-ORG-04): one row per membership, both ends inclusive business dates,
-- kept in the same transaction as the OrgUnit events that change it.
CREATE TABLE roster_entry (
    unit_id        VARCHAR(100) NOT NULL,
    person_id      VARCHAR(100) NOT NULL,
    position       VARCHAR(32)  NOT NULL,
    main_leader    BOOLEAN      NOT NULL,
    effective_from DATE         NOT NULL,
    effective_to   DATE,
    PRIMARY KEY (unit_id, person_id, effective_from)
);
CREATE INDEX roster_entry_person ON roster_entry (person_id);

-- Registered persons by id only: personal data stays in the vault (DOMAIN §3.6).
CREATE TABLE person_directory (
    person_id VARCHAR(100) NOT NULL PRIMARY KEY
);
