//! People's colours in an export (colour by a category or a choice field, as the app's toolbar
//! does) and the legend section that names them.

use crate::legend::{LegendEntry, LegendMark, LegendSection};
use std::collections::HashMap;
use topograph_model::{colour_entries, ColourEntry, ColourKey, FieldDefs, Org, Result};

/// Which colour each person gets, and what each colour means.
#[derive(Clone, Debug)]
pub struct Colouring {
    /// What the people are coloured by, as the legend titles it ("Discipline", a field's name).
    pub by: String,
    pub entries: Vec<ColourEntry>,
    /// Person id to entry.
    of: HashMap<u32, usize>,
}

impl Colouring {
    /// The people of `org` coloured by `key`; a choice field must be one of `fields`.
    pub fn new(org: &Org, key: &ColourKey, fields: &FieldDefs) -> Result<Colouring> {
        let entries = colour_entries(org, key, fields)?;
        let of = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.ids.iter().map(move |&id| (id, i)))
            .collect();
        Ok(Colouring {
            by: key.label().to_string(),
            entries,
            of,
        })
    }

    /// The colour (`#rrggbb`) of person `id`, if they have one.
    pub fn colour_of(&self, id: u32) -> Option<&str> {
        self.of.get(&id).map(|&i| self.entries[i].colour.as_str())
    }

    /// The legend's section: one entry per colour, with how many people have it.
    pub fn legend(&self) -> LegendSection {
        LegendSection {
            title: format!("Colour by {}", self.by).into(),
            entries: self
                .entries
                .iter()
                .map(|e| LegendEntry {
                    mark: LegendMark::Colour {
                        colour: e.colour.clone(),
                    },
                    label: format!("{} ({})", e.label, e.ids.len()).into(),
                })
                .collect(),
        }
    }

    /// Each colour with the people among `ids` (by index) who have it, for drawing one group per
    /// colour.
    pub fn groups(&self, ids: impl Iterator<Item = (usize, u32)>) -> Vec<(&str, Vec<usize>)> {
        let mut by_entry: Vec<Vec<usize>> = vec![Vec::new(); self.entries.len()];
        for (i, id) in ids {
            if let Some(&e) = self.of.get(&id) {
                by_entry[e].push(i);
            }
        }
        self.entries
            .iter()
            .zip(by_entry)
            .filter(|(_, v)| !v.is_empty())
            .map(|(e, v)| (e.colour.as_str(), v))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{to_svg, Look, Scene, SvgOptions};
    use serde_json::json;
    use std::collections::BTreeSet;
    use topograph_model::{FieldDef, FieldKind, View};

    fn office() -> FieldDefs {
        FieldDefs {
            fields: vec![FieldDef::choice(
                "Office",
                &[
                    ("Berlin", "#aa3300"),
                    ("Lisbon", "#0055aa"),
                    ("Remote", "#228833"),
                ],
            )],
        }
    }

    /// A small org with offices on some people, and levels whose order needs numbers read as
    /// numbers ("L10" after "L2") and case set aside.
    fn org() -> Org {
        let mut r = topograph_sample::generate(40, 7).to_records();
        let levels = ["L10", "L2", "l2", "L1", "", "Staff"];
        for (i, p) in r.persons.iter_mut().enumerate() {
            p.level = (i % 7 < levels.len()).then(|| levels[i % 7].to_string());
            if let Some(office) = ["Berlin", "Lisbon", "Atlantis"].get(i % 4) {
                p.custom.insert("Office".into(), office.to_string());
            }
        }
        Org::from_records(r)
    }

    #[test]
    fn the_apps_colour_by_and_the_exporters_agree_on_every_key() {
        let (org, fields) = (org(), office());
        let cases: Vec<_> = ["discipline", "location", "status", "level", "custom:Office"]
            .iter()
            .map(|key| {
                let entries =
                    colour_entries(&org, &ColourKey::parse(key).unwrap(), &fields).unwrap();
                json!({"key": key, "entries": entries})
            })
            .collect();
        let persons: Vec<_> = org
            .persons()
            .map(|p| {
                json!({"id": p.id.0, "discipline": p.discipline, "status": p.status,
                       "location": p.location, "level": p.level, "custom": p.custom})
            })
            .collect();
        crate::golden::check(
            "colour-by.json",
            &json!({"fields": fields, "persons": persons, "cases": cases}),
        );
    }

    #[test]
    fn a_choice_field_lists_every_choice_in_its_order_and_a_value_it_does_not_have_gets_no_colour()
    {
        let c = Colouring::new(
            &org(),
            &ColourKey::parse("custom:Office").unwrap(),
            &office(),
        )
        .unwrap();
        let labels: Vec<_> = c.entries.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Berlin", "Lisbon", "Remote"]);
        assert_eq!(c.entries[0].ids.len(), 10);
        assert!(c.entries[2].ids.is_empty());
        let atlantis = org()
            .persons()
            .find(|p| p.custom.get("Office").map(String::as_str) == Some("Atlantis"))
            .unwrap()
            .id;
        assert_eq!(c.colour_of(atlantis.0), None);
        assert_eq!(c.colour_of(c.entries[1].ids[0]), Some("#0055aa"));
    }

    #[test]
    fn a_field_that_is_not_a_choice_field_is_refused_by_name() {
        let mut fields = office();
        fields.fields[0].kind = FieldKind::Text;
        fields.fields[0].choices.clear();
        let e = Colouring::new(&org(), &ColourKey::parse("custom:Office").unwrap(), &fields)
            .unwrap_err();
        assert_eq!(e.code, topograph_model::ErrorCode::NotFound);
        assert!(e.message.contains("'Office'"), "{}", e.message);
    }

    #[test]
    fn an_exported_chart_tints_each_coloured_card_in_its_colour_and_its_legend_names_the_colours() {
        let org = org();
        let colours =
            Colouring::new(&org, &ColourKey::parse("custom:Office").unwrap(), &office()).unwrap();
        let berlin = colours.entries[0].ids.len();
        let scene = Scene::build(&org, View::OrgChart, &BTreeSet::new(), None).unwrap();
        let look = Look {
            colours: Some(colours),
            ..Look::default()
        };
        let svg = to_svg(&*scene.diagram_with(&look), &SvgOptions::default());
        let group = svg
            .split("<g fill=\"#aa3300\" fill-opacity=\"0.25\"")
            .nth(1)
            .expect("the Berlin cards are drawn in Berlin's colour");
        let group = &group[..group.find("</g>").unwrap()];
        assert_eq!(group.matches("<rect").count(), berlin);
        assert!(svg.contains(">Colour by Office<"), "the legend is titled");
        assert!(svg.contains(&format!(">Berlin ({berlin})<")));
        assert!(svg.contains(">Remote (0)<"));
        assert!(
            !svg.contains(">Cards<"),
            "the view's own legend only when asked for"
        );
    }
}
