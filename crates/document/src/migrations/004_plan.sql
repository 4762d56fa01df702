-- The plan over time. A leaver's last day; an open position's or planned hire's target start
-- (a month YYYY-MM, a quarter YYYY-Qn or a day) and hiring stage. Older people have none.
ALTER TABLE person ADD COLUMN end_date TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE person ADD COLUMN target_start TEXT CHECK (target_start IS NULL OR target_start GLOB '[0-9][0-9][0-9][0-9]-[0-9Q]*');
ALTER TABLE person ADD COLUMN hiring_stage TEXT CHECK (hiring_stage IS NULL OR hiring_stage IN ('open', 'approved', 'interviewing', 'offer', 'filled'));

-- A unit's budget for a year (YYYY) or a quarter (YYYY-Qn): a headcount, an amount, or both.
CREATE TABLE budget (
    scenario_id     INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL,
    period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    headcount       REAL CHECK (headcount IS NULL OR headcount >= 0),
    amount          REAL CHECK (amount IS NULL OR amount >= 0),
    amount_currency TEXT CHECK (amount_currency IS NULL OR length(amount_currency) = 3),
    PRIMARY KEY (scenario_id, unit_id, period),
    FOREIGN KEY (scenario_id, unit_id) REFERENCES unit (scenario_id, id) DEFERRABLE INITIALLY DEFERRED,
    CHECK ((amount IS NULL) = (amount_currency IS NULL)),
    CHECK (headcount IS NOT NULL OR amount IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- A change of manager or team that takes effect on a day: the typed operation as JSON.
CREATE TABLE dated_change (
    scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    id          INTEGER NOT NULL CHECK (id > 0),
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    change      TEXT NOT NULL CHECK (json_valid(change)),
    PRIMARY KEY (scenario_id, id)
) STRICT, WITHOUT ROWID;

-- The reporting currency and exchange rates (JSON: currency -> value of one unit in it).
CREATE TABLE plan_settings (
    scenario_id        INTEGER PRIMARY KEY REFERENCES scenario (id) ON DELETE CASCADE,
    reporting_currency TEXT NOT NULL CHECK (length(reporting_currency) = 3),
    rates              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(rates))
) STRICT;
