-- Command-side lookups of the API's authorisation check (DOMAIN §7, docs/adr/0010-authorisation.md), kept in the
-- transaction that records the events they come from.

-- Roles the domain granted a person at a scope (a unit, a jurisdiction unit, or a supervision group) from a date:
-- campaign-office staff and approvers, a unit's leading-group office, a party branch, the lead of a group.
CREATE TABLE access_grant (
    person_id  VARCHAR(100) NOT NULL,
    role       VARCHAR(32)  NOT NULL,
    scope_id   VARCHAR(100) NOT NULL,
    valid_from DATE         NOT NULL,
    PRIMARY KEY (person_id, role, scope_id)
);

-- The units an aggregate concerns when its id does not name one (opinion, document, look-back, group).
CREATE TABLE access_subject (
    aggregate_id VARCHAR(255) NOT NULL,
    unit_id      VARCHAR(100) NOT NULL,
    PRIMARY KEY (aggregate_id, unit_id)
);
