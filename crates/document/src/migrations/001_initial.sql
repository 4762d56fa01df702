-- Schema version 1. Append-only: never edit a released migration, add the next one.
-- Every org row carries its scenario; an entity keeps its id across scenarios (identity).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE scenario (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    -- A deleted scenario stays as a tombstone while the undo log can bring it back.
    hidden   INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX scenario_visible_name ON scenario (name) WHERE hidden = 0;

CREATE TABLE person (
    scenario_id   INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    id            INTEGER NOT NULL CHECK (id > 0),
    name          TEXT NOT NULL,
    title         TEXT NOT NULL,
    discipline    TEXT NOT NULL CHECK (discipline IN ('product-management', 'design', 'engineering', 'engineering-management', 'data', 'research', 'quality', 'other')),
    level         TEXT,
    location      TEXT,
    email         TEXT,
    employee_id   TEXT,
    employment    TEXT NOT NULL CHECK (employment IN ('employee', 'contractor')),
    status        TEXT NOT NULL CHECK (status IN ('active', 'open-position', 'planned-hire', 'leaving')),
    start_date    TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    cost_amount   REAL CHECK (cost_amount IS NULL OR cost_amount >= 0),
    cost_currency TEXT CHECK (cost_currency IS NULL OR length(cost_currency) = 3),
    custom        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom)),
    manager_id    INTEGER,
    PRIMARY KEY (scenario_id, id),
    FOREIGN KEY (scenario_id, manager_id) REFERENCES person (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (manager_id IS NULL OR manager_id <> id),
    CHECK ((cost_amount IS NULL) = (cost_currency IS NULL)),
    CHECK (status = 'open-position' OR length(trim(name)) > 0)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_manager ON person (scenario_id, manager_id);
CREATE UNIQUE INDEX person_employee_id ON person (scenario_id, employee_id) WHERE employee_id IS NOT NULL;

CREATE TABLE dotted_line (
    scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL,
    manager_id  INTEGER NOT NULL,
    PRIMARY KEY (scenario_id, person_id, manager_id),
    FOREIGN KEY (scenario_id, person_id) REFERENCES person (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (scenario_id, manager_id) REFERENCES person (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (person_id <> manager_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX dotted_line_manager ON dotted_line (scenario_id, manager_id);

CREATE TABLE unit (
    scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    id          INTEGER NOT NULL CHECK (id > 0),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    mission     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('stream-aligned', 'platform', 'enabling', 'complicated-subsystem', 'group')),
    parent_id   INTEGER,
    lead_id     INTEGER,
    colour      TEXT CHECK (colour IS NULL OR colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    target_size INTEGER CHECK (target_size IS NULL OR target_size > 0),
    PRIMARY KEY (scenario_id, id),
    FOREIGN KEY (scenario_id, parent_id) REFERENCES unit (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (scenario_id, lead_id) REFERENCES person (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT, WITHOUT ROWID;
CREATE INDEX unit_parent ON unit (scenario_id, parent_id);
CREATE INDEX unit_lead ON unit (scenario_id, lead_id);

CREATE TABLE membership (
    scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL,
    unit_id     INTEGER NOT NULL,
    allocation  INTEGER NOT NULL CHECK (allocation BETWEEN 1 AND 100),
    role        TEXT NOT NULL CHECK (role IN ('product-manager', 'designer', 'tech-lead', 'engineer', 'engineering-manager', 'other')),
    PRIMARY KEY (scenario_id, person_id, unit_id),
    FOREIGN KEY (scenario_id, person_id) REFERENCES person (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (scenario_id, unit_id) REFERENCES unit (scenario_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX membership_unit ON membership (scenario_id, unit_id);

CREATE TABLE area (
    scenario_id   INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    id            INTEGER NOT NULL CHECK (id > 0),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description   TEXT NOT NULL DEFAULT '',
    parent_id     INTEGER,
    complexity    TEXT NOT NULL CHECK (complexity IN ('simple', 'complicated', 'complex')),
    user_facing   INTEGER NOT NULL DEFAULT 1 CHECK (user_facing IN (0, 1)),
    owner_unit_id INTEGER,
    PRIMARY KEY (scenario_id, id),
    FOREIGN KEY (scenario_id, parent_id) REFERENCES area (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (scenario_id, owner_unit_id) REFERENCES unit (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT, WITHOUT ROWID;
CREATE INDEX area_parent ON area (scenario_id, parent_id);
CREATE INDEX area_owner ON area (scenario_id, owner_unit_id);

CREATE TABLE contributor (
    scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    area_id     INTEGER NOT NULL,
    unit_id     INTEGER NOT NULL,
    PRIMARY KEY (scenario_id, area_id, unit_id),
    FOREIGN KEY (scenario_id, area_id) REFERENCES area (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (scenario_id, unit_id) REFERENCES unit (scenario_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;
CREATE INDEX contributor_unit ON contributor (scenario_id, unit_id);

CREATE TABLE interaction (
    scenario_id  INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    id           INTEGER NOT NULL CHECK (id > 0),
    from_unit_id INTEGER NOT NULL,
    to_unit_id   INTEGER NOT NULL,
    mode         TEXT NOT NULL CHECK (mode IN ('collaboration', 'x-as-a-service', 'facilitating')),
    note         TEXT NOT NULL DEFAULT '',
    start_date   TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    expected_end TEXT CHECK (expected_end IS NULL OR expected_end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    PRIMARY KEY (scenario_id, id),
    FOREIGN KEY (scenario_id, from_unit_id) REFERENCES unit (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (scenario_id, to_unit_id) REFERENCES unit (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (from_unit_id <> to_unit_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX interaction_from ON interaction (scenario_id, from_unit_id);
CREATE INDEX interaction_to ON interaction (scenario_id, to_unit_id);

CREATE TABLE placement (
    scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL,
    x REAL NOT NULL, y REAL NOT NULL,
    w REAL NOT NULL CHECK (w > 0), h REAL NOT NULL CHECK (h > 0),
    PRIMARY KEY (scenario_id, unit_id),
    FOREIGN KEY (scenario_id, unit_id) REFERENCES unit (scenario_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT, WITHOUT ROWID;

-- View state, not history: collapsing a subtree is not an undoable edit.
CREATE TABLE collapsed (
    scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    view        TEXT NOT NULL CHECK (view IN ('org-chart', 'team-map', 'ownership')),
    node_id     INTEGER NOT NULL,
    PRIMARY KEY (scenario_id, view, node_id)
) STRICT, WITHOUT ROWID;

-- The history: each accepted operation with the before/after images that undo and redo it.
-- Rows with undone = 1 form the redo branch, always after every row with undone = 0.
CREATE TABLE oplog (
    seq         INTEGER PRIMARY KEY,
    scenario_id INTEGER,
    label       TEXT NOT NULL,
    op          TEXT NOT NULL,
    patch       TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    at          TEXT NOT NULL
) STRICT;
-- Undo looks for the newest done row, redo for the oldest undone one: both by this index.
CREATE INDEX oplog_undone ON oplog (undone, seq);
