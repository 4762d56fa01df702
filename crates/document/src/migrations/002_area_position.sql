-- The order of an area among its siblings (lower first, ties by id), so a tree can be reordered.
ALTER TABLE area ADD COLUMN position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0);
