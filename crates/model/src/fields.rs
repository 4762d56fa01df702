//! Typed custom fields: the document's definitions (name, type, choices with colours, whether
//! cards show it). Values stay in `Person::custom` as text; a definition says how to read and
//! check them. A key without a definition is a text field (what every value was before
//! definitions existed). Definitions change only through the undoable field ops.

use crate::error::{err, Result};
use crate::ErrorCode;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// At most this many fields and choices: definitions are a person's choice, not data.
pub const MAX_FIELDS: usize = 200;
pub const MAX_CHOICES: usize = 100;
const MAX_NAME: usize = 100;
/// The longest value a text field holds.
pub const MAX_VALUE: usize = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    Number,
    /// A day, YYYY-MM-DD.
    Date,
    /// One of the definition's choices.
    Choice,
    /// Another person, by id (kept as decimal text).
    Person,
}

impl FieldKind {
    pub const ALL: [FieldKind; 5] = [
        FieldKind::Text,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Choice,
        FieldKind::Person,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Choice => "choice",
            FieldKind::Person => "person",
        }
    }
}

/// One choice of a choice field and the colour that marks it (`#rrggbb`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct FieldChoice {
    pub name: String,
    pub colour: String,
}

/// A custom field's definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    pub name: String,
    pub kind: FieldKind,
    /// The choices of a choice field, in the order pickers and legends list them; empty for
    /// the other kinds.
    #[serde(default)]
    pub choices: Vec<FieldChoice>,
    /// Whether org chart cards show the value under the title.
    #[serde(default)]
    pub on_cards: bool,
}

impl FieldDef {
    /// A choice field with its `(choice, colour)` pairs, not on cards.
    pub fn choice(name: &str, choices: &[(&str, &str)]) -> FieldDef {
        FieldDef {
            name: name.to_string(),
            kind: FieldKind::Choice,
            choices: choices
                .iter()
                .map(|(name, colour)| FieldChoice {
                    name: name.to_string(),
                    colour: colour.to_string(),
                })
                .collect(),
            on_cards: false,
        }
    }

    pub fn text(name: &str) -> FieldDef {
        FieldDef {
            name: name.to_string(),
            kind: FieldKind::Text,
            choices: Vec::new(),
            on_cards: false,
        }
    }

    /// The colour of a choice, if this is a choice field that has it.
    pub fn colour_of(&self, value: &str) -> Option<&str> {
        self.choices
            .iter()
            .find(|c| c.name == value)
            .map(|c| c.colour.as_str())
    }

    /// Checks a value against the type. `person_exists` answers for person fields. The empty
    /// value is never stored (clearing a field removes its key), so it is refused here.
    pub fn check_value(&self, value: &str, person_exists: impl Fn(u32) -> bool) -> Result<()> {
        let name = &self.name;
        let bad = |what: &str| {
            err(
                ErrorCode::InvalidValue,
                format!("'{value}' is not {what}, which the field '{name}' holds"),
            )
        };
        if value.is_empty() {
            return err(
                ErrorCode::InvalidValue,
                format!("the field '{name}' has an empty value; clear it instead"),
            );
        }
        match self.kind {
            FieldKind::Text if value.chars().count() > MAX_VALUE => err(
                ErrorCode::InvalidValue,
                format!("a value of '{name}' is at most {MAX_VALUE} characters"),
            ),
            FieldKind::Text => Ok(()),
            FieldKind::Number => match value.trim().parse::<f64>() {
                Ok(n) if n.is_finite() && value.trim() == value => Ok(()),
                _ => bad("a number"),
            },
            FieldKind::Date => match crate::validate::check_date("date", value) {
                Ok(()) => Ok(()),
                Err(_) => bad("a date (YYYY-MM-DD)"),
            },
            FieldKind::Choice if self.choices.iter().any(|c| c.name == value) => Ok(()),
            FieldKind::Choice => err(
                ErrorCode::InvalidValue,
                format!(
                    "'{value}' is not a choice of '{name}'; expected one of: {}",
                    self.choices
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            FieldKind::Person => match value.parse::<u32>() {
                Ok(id) if person_exists(id) => Ok(()),
                Ok(_) => bad("a person of this scenario"),
                Err(_) => bad("a person's id"),
            },
        }
    }
}

/// The document's field definitions, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct FieldDefs {
    pub fields: Vec<FieldDef>,
}

impl FieldDefs {
    pub fn get(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The definitions with `field` added at the end (checked, its name trimmed).
    pub fn with_added(&self, field: &FieldDef) -> Result<FieldDefs> {
        let field = normalised(field);
        if self.get(&field.name).is_some() {
            return err(
                ErrorCode::Duplicate,
                format!("a field called '{}' exists already", field.name),
            );
        }
        if self.fields.len() >= MAX_FIELDS {
            return err(
                ErrorCode::InvalidValue,
                format!("a document keeps at most {MAX_FIELDS} fields"),
            );
        }
        let mut fields = self.fields.clone();
        fields.push(field);
        let out = FieldDefs { fields };
        out.check()?;
        Ok(out)
    }

    /// The definitions with the one called `name` replaced by `field` (which may rename it).
    pub fn with_updated(&self, name: &str, field: &FieldDef) -> Result<FieldDefs> {
        let field = normalised(field);
        let Some(at) = self.fields.iter().position(|f| f.name == name) else {
            return not_found(name);
        };
        if field.name != name && self.get(&field.name).is_some() {
            return err(
                ErrorCode::Duplicate,
                format!("a field called '{}' exists already", field.name),
            );
        }
        let mut fields = self.fields.clone();
        fields[at] = field;
        let out = FieldDefs { fields };
        out.check()?;
        Ok(out)
    }

    pub fn without(&self, name: &str) -> Result<FieldDefs> {
        if self.get(name).is_none() {
            return not_found(name);
        }
        Ok(FieldDefs {
            fields: self
                .fields
                .iter()
                .filter(|f| f.name != name)
                .cloned()
                .collect(),
        })
    }

    /// Whether the definitions are sound: what a file must hold to open (it is untrusted).
    pub fn check(&self) -> Result<()> {
        if self.fields.len() > MAX_FIELDS {
            return err(
                ErrorCode::InvalidValue,
                format!("a document keeps at most {MAX_FIELDS} fields"),
            );
        }
        let mut names = BTreeSet::new();
        for f in &self.fields {
            check_def(f)?;
            if !names.insert(f.name.as_str()) {
                return err(
                    ErrorCode::Duplicate,
                    format!("two fields are called '{}'", f.name),
                );
            }
        }
        Ok(())
    }
}

fn not_found<T>(name: &str) -> Result<T> {
    err(
        ErrorCode::NotFound,
        format!("there is no field called '{name}'"),
    )
}

fn normalised(field: &FieldDef) -> FieldDef {
    let mut f = field.clone();
    f.name = f.name.trim().to_string();
    for c in &mut f.choices {
        c.name = c.name.trim().to_string();
        c.colour = c.colour.trim().to_ascii_lowercase();
    }
    f
}

/// Whether `s` is a colour as `#rrggbb` in lower case.
pub fn is_colour(s: &str) -> bool {
    s.len() == 7
        && s.starts_with('#')
        && s[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn check_def(f: &FieldDef) -> Result<()> {
    if f.name.trim().is_empty() || f.name.trim() != f.name {
        return err(
            ErrorCode::InvalidValue,
            "a field needs a name without spaces around it",
        );
    }
    if f.name.chars().count() > MAX_NAME {
        return err(
            ErrorCode::InvalidValue,
            format!("a field's name is at most {MAX_NAME} characters"),
        );
    }
    if f.kind != FieldKind::Choice && !f.choices.is_empty() {
        return err(
            ErrorCode::InvalidValue,
            format!(
                "the field '{}' is a {} field and cannot have choices",
                f.name,
                f.kind.as_str()
            ),
        );
    }
    if f.choices.len() > MAX_CHOICES {
        return err(
            ErrorCode::InvalidValue,
            format!("a field has at most {MAX_CHOICES} choices"),
        );
    }
    let mut names = BTreeSet::new();
    for c in &f.choices {
        if c.name.trim().is_empty() || c.name.trim() != c.name || c.name.chars().count() > MAX_NAME
        {
            return err(
                ErrorCode::InvalidValue,
                format!(
                    "a choice of '{}' needs a name of 1 to {MAX_NAME} characters",
                    f.name
                ),
            );
        }
        if !is_colour(&c.colour) {
            return err(
                ErrorCode::InvalidValue,
                format!(
                    "the choice '{}' of '{}' has the colour '{}'; expected #rrggbb",
                    c.name, f.name, c.colour
                ),
            );
        }
        if !names.insert(c.name.as_str()) {
            return err(
                ErrorCode::Duplicate,
                format!("the field '{}' has two choices called '{}'", f.name, c.name),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office() -> FieldDef {
        FieldDef {
            on_cards: true,
            ..FieldDef::choice("Office", &[("North", "#1f77b4"), ("South", "#FF7F0E")])
        }
    }

    #[test]
    fn adding_a_field_trims_its_name_and_lowers_its_colours() {
        let mut f = office();
        f.name = " Office ".into();
        let defs = FieldDefs::default().with_added(&f).unwrap();
        assert_eq!(defs.fields[0].name, "Office");
        assert_eq!(defs.fields[0].choices[1].colour, "#ff7f0e");
    }

    #[test]
    fn a_duplicate_name_a_bad_colour_or_choices_on_a_number_field_are_refused() {
        let defs = FieldDefs::default().with_added(&office()).unwrap();
        assert_eq!(
            defs.with_added(&office()).unwrap_err().code,
            ErrorCode::Duplicate
        );
        let mut bad = office();
        bad.name = "Other".into();
        bad.choices[0].colour = "red".into();
        assert!(defs
            .with_added(&bad)
            .unwrap_err()
            .message
            .contains("expected #rrggbb"));
        let mut number = office();
        number.name = "Score".into();
        number.kind = FieldKind::Number;
        assert!(defs.with_added(&number).is_err());
        let twice = FieldDefs {
            fields: vec![office(), office()],
        };
        assert!(twice.check().is_err());
    }

    #[test]
    fn values_are_checked_against_the_type() {
        let none = |_| false;
        let mut f = FieldDef::text("Score");
        f.kind = FieldKind::Number;
        assert!(f.check_value("4.5", none).is_ok());
        assert!(f
            .check_value("lots", none)
            .unwrap_err()
            .message
            .contains("not a number"));
        f.kind = FieldKind::Date;
        assert!(f.check_value("2027-02-28", none).is_ok());
        assert!(f.check_value("2027-02-30", none).is_err());
        assert!(office().check_value("North", none).is_ok());
        assert!(office()
            .check_value("West", none)
            .unwrap_err()
            .message
            .contains("North, South"));
        f.kind = FieldKind::Person;
        assert!(f.check_value("7", |id| id == 7).is_ok());
        assert!(f.check_value("8", |id| id == 7).is_err());
        assert!(FieldDef::text("Note").check_value("", none).is_err());
    }

    #[test]
    fn a_definition_with_an_unknown_type_does_not_parse() {
        let json = r#"{"fields":[{"name":"X","kind":"colour","choices":[],"on_cards":false}]}"#;
        let e = serde_json::from_str::<FieldDefs>(json).unwrap_err();
        assert!(e.to_string().contains("unknown variant"), "{e}");
    }

    #[test]
    fn updating_renames_and_removing_forgets() {
        let defs = FieldDefs::default().with_added(&office()).unwrap();
        let mut renamed = office();
        renamed.name = "Site".into();
        let defs = defs.with_updated("Office", &renamed).unwrap();
        assert!(defs.get("Site").is_some() && defs.get("Office").is_none());
        assert_eq!(
            defs.without("Office").unwrap_err().code,
            ErrorCode::NotFound
        );
        assert!(defs.without("Site").unwrap().fields.is_empty());
    }
}
