//! The line of custom fields a card shows under the title: the values of the first
//! [`MAX_CARD_FIELDS`] fields marked "on cards", in the order of their definitions, joined by
//! " · " (a person field shows that person's name). The app's canvas (ui/src/fields/cardFields.ts)
//! and the exporter draw the same line; tests/fixtures/parity/card-fields.json holds cases both
//! sides check.

use crate::{FieldDefs, FieldKind, Org, Person, PersonId};

/// How many fields a card shows at most: one short line under the title.
pub const MAX_CARD_FIELDS: usize = 2;

/// The names of the fields cards show, in order.
pub fn card_field_names(fields: &FieldDefs) -> Vec<&str> {
    fields
        .fields
        .iter()
        .filter(|f| f.on_cards)
        .take(MAX_CARD_FIELDS)
        .map(|f| f.name.as_str())
        .collect()
}

/// The line `p`'s card shows, or `None` when none of the fields has a value.
pub fn card_field_line(org: &Org, fields: &FieldDefs, p: &Person) -> Option<String> {
    let parts: Vec<&str> = fields
        .fields
        .iter()
        .filter(|f| f.on_cards)
        .take(MAX_CARD_FIELDS)
        .filter_map(|f| {
            let v = p.custom.get(&f.name)?;
            let shown = match f.kind {
                FieldKind::Person => Some(v)
                    .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|v| v.parse::<u32>().ok())
                    .and_then(|id| org.person(PersonId(id)))
                    .map_or(v.as_str(), |q| q.display_name()),
                _ => v.as_str(),
            };
            (!shown.trim().is_empty()).then_some(shown)
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" \u{b7} "))
}
