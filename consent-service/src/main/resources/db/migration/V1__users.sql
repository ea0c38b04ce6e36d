-- consent-service owns users (schema "consent", created by Flyway)
CREATE TABLE consent.users (
    id            uuid PRIMARY KEY,
    username      varchar(320) NOT NULL,
    display_name  varchar(200) NOT NULL,
    password_hash varchar(255) NOT NULL,
    disabled      boolean      NOT NULL DEFAULT false,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT users_username_key UNIQUE (username)
);
