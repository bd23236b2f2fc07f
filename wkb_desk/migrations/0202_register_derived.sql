-- A person's edit of a column the rules derive (Signalen, Ontbreekt, Volgende termijn) holds only while the
-- tool would still write what it wrote when the person made the edit: `tool_value` is that value. When the
-- facts change (a new flag, a new deadline), the tool's new value wins and the correction is dropped, so a
-- cleared Signalen cell can never hide a later critical flag.
CREATE TABLE register_derived_edits (
    dossier_id  TEXT NOT NULL,
    field       TEXT NOT NULL,
    tool_value  TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (dossier_id, field)
);
