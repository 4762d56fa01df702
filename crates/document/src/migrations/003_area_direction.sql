-- The product direction of an area: a stance, a target share of effort (percent) and an outcome line.
-- Older areas have no direction until someone sets one.
ALTER TABLE area ADD COLUMN stance TEXT CHECK (stance IS NULL OR stance IN ('invest', 'grow', 'maintain', 'sunset'));
ALTER TABLE area ADD COLUMN target_share REAL CHECK (target_share IS NULL OR (target_share >= 0 AND target_share <= 100));
ALTER TABLE area ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
