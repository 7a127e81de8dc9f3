-- Keyed digests for personal data (DOMAIN-ERRATA I12): a PII entry's digest is an HMAC-SHA-256 under a key derived
-- from its subject's data key, not a plain SHA-256 that a guess could confirm. Shredding a subject clears the
-- digests of its entries, so the plain ones written before this migration go with it.
ALTER TABLE vault_entry RENAME COLUMN sha256 TO digest;
ALTER TABLE vault_entry ALTER COLUMN digest DROP NOT NULL;
ALTER TABLE vault_entry ADD COLUMN digest_alg VARCHAR(16) NOT NULL DEFAULT 'SHA-256';
ALTER TABLE vault_entry ALTER COLUMN digest_alg DROP DEFAULT;

-- Every attempt to read the vault, allowed or refused (DOMAIN §6: PII needs a separate grant; reads are audited).
CREATE TABLE vault_access_log (
    id           BIGSERIAL    NOT NULL PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    actor_id     VARCHAR(100) NOT NULL,
    actor_roles  VARCHAR(500) NOT NULL,
    token        TEXT         NOT NULL,
    subject      VARCHAR(255),
    outcome      VARCHAR(16)  NOT NULL
);
CREATE INDEX vault_access_log_token ON vault_access_log (token);
