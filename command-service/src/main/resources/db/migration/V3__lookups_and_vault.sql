-- Command-side lookup of the org tree, kept in the same transaction as UnitRegistered (DOMAIN-ERRATA I4).
CREATE TABLE unit_directory (
    unit_id              VARCHAR(100) NOT NULL PRIMARY KEY,
    level                VARCHAR(16)  NOT NULL,
    unit_type            VARCHAR(32)  NOT NULL,
    parent_unit_id       VARCHAR(100),
    jurisdiction_unit_id VARCHAR(100),
    ancestor_ids         TEXT         NOT NULL
);

-- The vault (DOMAIN §3.6): personal and confidential content, encrypted with a data key per subject.
-- Destroying a subject's key (crypto-shredding) makes all its entries unreadable; events keep only
-- tokens and SHA-256 digests, so every hash chain still verifies.
CREATE TABLE vault_key (
    subject       VARCHAR(255) NOT NULL PRIMARY KEY,
    wrapped_key   BYTEA,
    created_at    TIMESTAMPTZ  NOT NULL,
    destroyed_at  TIMESTAMPTZ
);

CREATE TABLE vault_entry (
    token        VARCHAR(64)  NOT NULL PRIMARY KEY,
    subject      VARCHAR(255) NOT NULL REFERENCES vault_key (subject),
    data_class   VARCHAR(16)  NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    ciphertext   BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);

-- The policy version in force per campaign, stamped on every event of that campaign (DOMAIN §2).
CREATE TABLE campaign_policy (
    campaign_id    VARCHAR(100) NOT NULL PRIMARY KEY,
    policy_version VARCHAR(100)
);
