-- The simulated clock (ledger.clock.mode=simulated, DOMAIN-ERRATA B9): one row holding the business "now", so a
-- restart resumes where the clock stood. It only moves forward, through POST /api/clock/advance.
CREATE TABLE simulated_clock (
    id  SMALLINT                 PRIMARY KEY CHECK (id = 1),
    now TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Deadlines pending on the simulated clock (SimulatedDeadlineManager). A row is deleted in the transaction that
-- fires it, so it fires once; seq breaks ties between deadlines due at the same instant (scheduling order).
CREATE TABLE simulated_deadline (
    seq              BIGSERIAL                PRIMARY KEY,
    deadline_id      TEXT                     NOT NULL UNIQUE,
    deadline_name    TEXT                     NOT NULL,
    -- ScopeDescriptor.scopeDescription(): equal scopes describe themselves alike, so cancelling needs no decoding.
    scope_key        TEXT                     NOT NULL,
    scope_type       TEXT                     NOT NULL,
    scope_revision   TEXT,
    scope            BYTEA                    NOT NULL,
    payload_type     TEXT,
    payload_revision TEXT,
    payload          BYTEA,
    metadata         BYTEA                    NOT NULL,
    trigger_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX simulated_deadline_due_idx ON simulated_deadline (trigger_at, seq);
CREATE INDEX simulated_deadline_scope_idx ON simulated_deadline (deadline_name, scope_key);
