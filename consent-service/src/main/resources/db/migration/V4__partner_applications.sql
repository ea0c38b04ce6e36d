-- Issue 12: a signed-in user applies for an OAuth app; an operator approves (token-service creates the client,
-- owner = the applicant) or rejects it with a reason the applicant sees.
CREATE TABLE consent.partner_applications (
    id               uuid PRIMARY KEY,
    applicant_id     uuid          NOT NULL REFERENCES consent.users (id),
    app_name         varchar(100)  NOT NULL,
    description      varchar(1000) NOT NULL,
    homepage_uri     varchar(500)  NOT NULL,
    logo_uri         varchar(500),
    app_type         varchar(16)   NOT NULL CHECK (app_type IN ('web', 'native', 'device', 'service')),
    redirect_uris    text          NOT NULL,
    scopes           text          NOT NULL,
    contact_email    varchar(320)  NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    reject_reason    varchar(1000),
    client_id        varchar(200),
    decided_by       varchar(200),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    decided_at       timestamptz
);
CREATE INDEX partner_applications_applicant ON consent.partner_applications (applicant_id, created_at DESC);
CREATE INDEX partner_applications_status ON consent.partner_applications (status, created_at, id);
