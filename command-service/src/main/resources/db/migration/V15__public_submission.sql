-- One-time form tokens of public evaluation sessions (DOMAIN §7: RecordEvaluationForm with a one-time session
-- token; docs/adr/0013-public-submission.md). Kept by the command side in the transaction of the events they follow.

-- Sessions that are open for electronic forms: from EvaluationSessionOpened until EvaluationTallied.
CREATE TABLE evaluation_form_session (
    evaluation_id  VARCHAR(300) NOT NULL PRIMARY KEY,
    host_person_id VARCHAR(100) NOT NULL,
    open           BOOLEAN      NOT NULL
);

-- Only the SHA-256 of a token is stored, and no time of use: the table cannot give a token back, nor tell which
-- form a handed-out token became (R-EVL-10). state: ISSUED, USED (spent with a recorded form), EXPIRED (closed).
CREATE TABLE evaluation_form_token (
    token_sha256  CHAR(64)     NOT NULL PRIMARY KEY,
    evaluation_id VARCHAR(300) NOT NULL,
    state         VARCHAR(8)   NOT NULL
);
CREATE INDEX evaluation_form_token_evaluation ON evaluation_form_token (evaluation_id, state);
