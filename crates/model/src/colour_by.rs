//! Colour by: which people get which colour, from a choice field's own colours or a built-in
//! category (discipline, location, status, level) coloured from a fixed palette in natural order.
//!
//! The app colours its canvases with the same rule (ui/src/fields/colourBy.ts) and exports draw
//! it with their legend; tests/fixtures/parity/colour-by.json holds cases both sides check.

use crate::{err, ErrorCode, FieldDefs, Org, Person, Result};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

/// Colours for built-in categories: distinct on a light card and for common colour-blindness.
pub const COLOUR_PALETTE: [&str; 10] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];

/// What people are coloured by: `discipline`, `location`, `status`, `level` or
/// `custom:<field name>` (a choice field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColourKey {
    Discipline,
    Location,
    Status,
    Level,
    Field(String),
}

impl ColourKey {
    /// Reads the spelling the app and the CLI use.
    pub fn parse(s: &str) -> Result<ColourKey> {
        Ok(match s.trim() {
            "discipline" => ColourKey::Discipline,
            "location" => ColourKey::Location,
            "status" => ColourKey::Status,
            "level" => ColourKey::Level,
            other => match other.strip_prefix("custom:") {
                Some(name) if !name.trim().is_empty() => ColourKey::Field(name.to_string()),
                _ => {
                    return err(
                        ErrorCode::InvalidValue,
                        format!(
                            "cannot colour by '{other}'; expected discipline, location, status, \
                             level or custom:<choice field>"
                        ),
                    )
                }
            },
        })
    }

    /// What a legend calls it: the category's name, or the field's.
    pub fn label(&self) -> &str {
        match self {
            ColourKey::Discipline => "Discipline",
            ColourKey::Location => "Location",
            ColourKey::Status => "Status",
            ColourKey::Level => "Level",
            ColourKey::Field(name) => name,
        }
    }

    fn value<'p>(&self, p: &'p Person) -> Option<&'p str> {
        match self {
            ColourKey::Discipline => Some(p.discipline.as_str()),
            ColourKey::Status => Some(p.status.as_str()),
            ColourKey::Location => p.location.as_deref(),
            ColourKey::Level => p.level.as_deref(),
            ColourKey::Field(name) => p.custom.get(name).map(String::as_str),
        }
    }
}

impl fmt::Display for ColourKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColourKey::Field(name) => write!(f, "custom:{name}"),
            other => f.write_str(&other.label().to_lowercase()),
        }
    }
}

/// One colour of a legend and the people who get it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ColourEntry {
    pub label: String,
    /// `#rrggbb`.
    pub colour: String,
    pub ids: Vec<u32>,
}

/// The legend's entries in order, each with its people (in the org's order); a person without a
/// value gets no colour. A choice field lists every choice, with people or not; a category lists
/// the values people have. A field that is not a choice field is refused.
pub fn colour_entries(org: &Org, key: &ColourKey, fields: &FieldDefs) -> Result<Vec<ColourEntry>> {
    if let ColourKey::Field(name) = key {
        let Some(def) = fields
            .get(name)
            .filter(|d| d.kind == crate::FieldKind::Choice)
        else {
            return err(
                ErrorCode::NotFound,
                format!("there is no choice field called '{name}' to colour by"),
            );
        };
        let mut entries: Vec<ColourEntry> = def
            .choices
            .iter()
            .map(|c| ColourEntry {
                label: c.name.clone(),
                colour: c.colour.clone(),
                ids: Vec::new(),
            })
            .collect();
        let at: HashMap<&str, usize> = def
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();
        for p in org.persons() {
            if let Some(&i) = key.value(p).and_then(|v| at.get(v)) {
                entries[i].ids.push(p.id.0);
            }
        }
        return Ok(entries);
    }
    let mut groups: HashMap<&str, Vec<u32>> = HashMap::new();
    for p in org.persons() {
        match key.value(p) {
            Some(v) if !v.trim().is_empty() => groups.entry(v).or_default().push(p.id.0),
            _ => {}
        }
    }
    let mut labels: Vec<&str> = groups.keys().copied().collect();
    labels.sort_by(|a, b| natural_cmp(a, b));
    Ok(labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| ColourEntry {
            label: label.to_string(),
            colour: COLOUR_PALETTE[i % COLOUR_PALETTE.len()].to_string(),
            ids: groups.remove(label).unwrap_or_default(),
        })
        .collect())
}

/// Natural order: runs of digits compare by value ("L2" before "L10"), the rest without regard
/// to case, and the raw text breaks ties, so the order is total and the same on every machine.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn chunks(s: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, run)) if *d == digit => run.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(cb.iter()) {
        let o = match (x.0, y.0) {
            (true, true) => {
                let (tx, ty) = (x.1.trim_start_matches('0'), y.1.trim_start_matches('0'));
                tx.len().cmp(&ty.len()).then_with(|| tx.cmp(ty))
            }
            _ => x.1.to_lowercase().cmp(&y.1.to_lowercase()),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_inside_labels_sort_by_value_and_case_does_not_split_neighbours() {
        let mut v = vec!["L10", "l2", "L2", "Berlin", "amsterdam", "L1"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["amsterdam", "Berlin", "L1", "L2", "l2", "L10"]);
    }

    #[test]
    fn a_key_reads_back_as_it_is_written_and_nonsense_is_refused_with_the_choices_named() {
        for s in ["discipline", "location", "status", "level", "custom:Office"] {
            assert_eq!(ColourKey::parse(s).unwrap().to_string(), s);
        }
        let e = ColourKey::parse("team").unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue);
        assert!(e.message.contains("custom:<choice field>"), "{}", e.message);
        assert!(ColourKey::parse("custom: ").is_err());
    }
}
