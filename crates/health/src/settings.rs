//! A document's check settings, validated and resolved against the defaults and the span presets.

use crate::catalogue::{def, CHECKS, SPAN_ICS, SPAN_MANAGERS};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use topograph_model::{CheckSettings, Error, ErrorCode, Op, Result};

/// A McKinsey manager archetype: the span of control that suits how much of the manager's time
/// goes to managing.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SpanPreset {
    pub id: &'static str,
    pub label: &'static str,
    pub min: f64,
    /// `None`: no upper limit.
    pub max: Option<f64>,
}

/// McKinsey, "How to identify the right spans of control for your organization".
pub const SPAN_PRESETS: &[SpanPreset] = &[
    SpanPreset {
        id: "player-coach",
        label: "Player/coach",
        min: 3.0,
        max: Some(5.0),
    },
    SpanPreset {
        id: "coach",
        label: "Coach",
        min: 6.0,
        max: Some(7.0),
    },
    SpanPreset {
        id: "supervisor",
        label: "Supervisor",
        min: 8.0,
        max: Some(10.0),
    },
    SpanPreset {
        id: "facilitator",
        label: "Facilitator",
        min: 11.0,
        max: Some(15.0),
    },
    SpanPreset {
        id: "coordinator",
        label: "Coordinator",
        min: 15.0,
        max: None,
    },
];

const MCKINSEY: &str = "McKinsey, \"How to identify the right spans of control\"";

/// The thresholds in force: the defaults, then the span preset, then the document's overrides.
#[derive(Clone, Debug)]
pub struct Settings {
    disabled: BTreeSet<String>,
    values: HashMap<(&'static str, &'static str), f64>,
    preset: Option<&'static SpanPreset>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::resolve(&CheckSettings::default()).expect("the defaults are valid")
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorCode::InvalidValue, message)
}

impl Settings {
    /// Checks every id, threshold name and value in `stored`; an unknown check or threshold,
    /// a negative or non-finite value, or a minimum above its maximum is refused.
    pub fn resolve(stored: &CheckSettings) -> Result<Settings> {
        for id in &stored.disabled {
            def(id).ok_or_else(|| {
                invalid(format!("'{id}' is not a check; expected one of: {}", ids()))
            })?;
        }
        let preset = match &stored.span_preset {
            None => None,
            Some(p) => Some(SPAN_PRESETS.iter().find(|s| s.id == p).ok_or_else(|| {
                let known: Vec<&str> = SPAN_PRESETS.iter().map(|s| s.id).collect();
                invalid(format!(
                    "'{p}' is not a span preset; expected one of: {}",
                    known.join(", ")
                ))
            })?),
        };
        let mut values = HashMap::new();
        for c in CHECKS {
            for &(name, _, default) in c.thresholds {
                values.insert((c.id, name), default);
            }
        }
        if let Some(p) = preset {
            for id in [SPAN_ICS, SPAN_MANAGERS] {
                values.insert((id, "min"), p.min);
                values.insert((id, "max"), p.max.unwrap_or(f64::INFINITY));
            }
        }
        for (id, overrides) in &stored.thresholds {
            let c = def(id).ok_or_else(|| {
                invalid(format!("'{id}' is not a check; expected one of: {}", ids()))
            })?;
            for (name, &value) in overrides {
                let Some(&(name, _, _)) = c.thresholds.iter().find(|t| t.0 == name) else {
                    let known: Vec<&str> = c.thresholds.iter().map(|t| t.0).collect();
                    return Err(invalid(format!(
                        "'{id}' has no threshold '{name}'; it has: {}",
                        if known.is_empty() {
                            "none".to_string()
                        } else {
                            known.join(", ")
                        }
                    )));
                };
                if !value.is_finite() || value < 0.0 {
                    return Err(invalid(format!(
                        "{id} {name} must be a number of 0 or more, not {value}"
                    )));
                }
                values.insert((c.id, name), value);
            }
        }
        for c in CHECKS {
            if let (Some(min), Some(max)) = (values.get(&(c.id, "min")), values.get(&(c.id, "max")))
            {
                if min > max {
                    return Err(invalid(format!(
                        "{} min ({min}) is above its max ({max})",
                        c.id
                    )));
                }
            }
        }
        Ok(Settings {
            disabled: stored.disabled.clone(),
            values,
            preset,
        })
    }

    pub fn enabled(&self, check: &str) -> bool {
        !self.disabled.contains(check)
    }

    /// The value in force; infinite for "no limit".
    pub fn get(&self, check: &str, threshold: &str) -> f64 {
        *self
            .values
            .iter()
            .find(|((c, t), _)| *c == check && *t == threshold)
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("{check} has no threshold {threshold}"))
    }

    /// The span preset in force, if any.
    pub fn span_preset(&self) -> Option<&'static SpanPreset> {
        self.preset
    }

    /// The source of a check's thresholds: the preset's for the span checks when one is on.
    pub(crate) fn source(&self, check: &'static str) -> String {
        let base = def(check).map(|c| c.source).unwrap_or_default();
        match self.preset {
            Some(p) if check == SPAN_ICS || check == SPAN_MANAGERS => {
                format!("{MCKINSEY} ({} archetype)", p.label)
            }
            _ => base.to_string(),
        }
    }
}

fn ids() -> String {
    CHECKS.iter().map(|c| c.id).collect::<Vec<_>>().join(", ")
}

/// The op that stores `settings` in a document, once they are known to be valid.
pub fn settings_op(settings: CheckSettings) -> Result<Op> {
    Settings::resolve(&settings)?;
    Ok(Op::SetCheckSettings { settings })
}
