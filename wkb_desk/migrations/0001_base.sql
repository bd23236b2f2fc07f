-- The ledger: what the machine knows. The Excel register is a projection of it.
-- Timestamps are ISO 8601 with offset; dates are ISO YYYY-MM-DD.

CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    sha256          TEXT NOT NULL UNIQUE,
    original_name   TEXT NOT NULL,
    subfolder       TEXT NOT NULL DEFAULT '',   -- folder below inbox/ (or path inside the parent container)
    size            INTEGER NOT NULL,
    received_at     TEXT NOT NULL,
    content_type    TEXT,                       -- from the bytes: pdf, docx, xlsx, zip, eml, msg, or unknown
    parent_id       INTEGER REFERENCES documents(id),
    archive_path    TEXT,                       -- relative to the config folder: archief/... or fouten/...
    status          TEXT NOT NULL,              -- 'verwerkt' | 'quarantaine'
    error_code      TEXT,
    error_message   TEXT,
    kind            TEXT,                       -- see models.ALL_KINDS
    kind_score      REAL,
    extraction_json TEXT,                       -- models.Extraction.to_json()
    dossier_id      TEXT REFERENCES dossiers(id),
    link_method     TEXT,                       -- how the dossier was chosen (verzoeknummer, bag_id, adres, handmatig, ...)
    link_score      REAL,
    link_manual     INTEGER NOT NULL DEFAULT 0  -- 1: a person chose this link; automatic linking never changes it
);
CREATE INDEX documents_parent ON documents(parent_id);
CREATE INDEX documents_dossier ON documents(dossier_id);
CREATE INDEX documents_kind ON documents(kind);

-- Text per page, so later stages and a rebuild never need the original again.
CREATE TABLE pages (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq         INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    region      TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    is_scan     INTEGER NOT NULL DEFAULT 0,
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);

-- Every arrival of a file, including duplicates (same bytes again) and quarantined ones.
CREATE TABLE receipts (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL,
    original_name TEXT NOT NULL,
    subfolder    TEXT NOT NULL DEFAULT '',
    received_at  TEXT NOT NULL,
    outcome      TEXT NOT NULL,                 -- 'nieuw' | 'dubbel' | 'quarantaine'
    document_id  INTEGER REFERENCES documents(id),
    stored_path  TEXT                           -- where this arrival's bytes went
);
CREATE INDEX receipts_sha ON receipts(sha256);

-- Crash safety: file moves that were started. See intake/journal.py.
CREATE TABLE intents (
    id          INTEGER PRIMARY KEY,
    group_sha   TEXT NOT NULL,                  -- the inbox file this move belongs to
    source      TEXT NOT NULL,                  -- absolute path of the inbox file
    target      TEXT NOT NULL,                  -- absolute path written
    state       TEXT NOT NULL,                  -- 'pending' -> 'committed'
    created_at  TEXT NOT NULL
);

CREATE TABLE dossiers (
    id          TEXT PRIMARY KEY,               -- e.g. WKB-2026-0001
    created_at  TEXT NOT NULL,
    provisional INTEGER NOT NULL DEFAULT 0,     -- 1: opened by a document that fits no dossier; a person links it
    merged_into TEXT REFERENCES dossiers(id),   -- set when a person merged it into another
    note        TEXT
);

-- Facts people supplied (register edits, CLI): they win over extracted values, also for the rules.
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    dossier_id  TEXT NOT NULL REFERENCES dossiers(id),
    field       TEXT NOT NULL,                  -- a register column key or a field name
    value       TEXT,                           -- as typed; NULL means "cleared by a person"
    source      TEXT NOT NULL,                  -- 'register' | 'cli'
    created_at  TEXT NOT NULL,
    UNIQUE (dossier_id, field)
);

-- Runs of ingest / watch / daily / rebuild, with their summary.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    command     TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    summary_json TEXT
);
