-- One row per commandId: the idempotency record (a repeat returns this outcome) and the outbox of
-- ledger.command-audit.v1 (rows with published_at NULL are still to be sent).
CREATE TABLE command_outcome (
    seq            BIGSERIAL    NOT NULL UNIQUE,
    command_id     UUID         NOT NULL PRIMARY KEY,
    command_type   VARCHAR(100) NOT NULL,
    payload_sha256 CHAR(64)     NOT NULL,
    aggregate_id   VARCHAR(255),
    actor_id       VARCHAR(255) NOT NULL,
    actor_roles    VARCHAR(1000) NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    rule_id        VARCHAR(64),
    http_status    INTEGER      NOT NULL,
    response       TEXT         NOT NULL,
    at             TIMESTAMPTZ  NOT NULL,
    published_at   TIMESTAMPTZ
);
CREATE INDEX ix_command_outcome_unpublished ON command_outcome (seq) WHERE published_at IS NULL;
