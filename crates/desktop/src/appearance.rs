use serde::{Deserialize, Serialize};

/// View › Appearance: follow the operating system's light/dark setting, or override it. Exports do
/// not follow it: they stay on a light page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Appearance {
    #[default]
    System,
    Light,
    Dark,
}

impl Appearance {
    pub const ALL: [Appearance; 3] = [Appearance::System, Appearance::Light, Appearance::Dark];

    /// The name in menus and the settings file.
    pub fn id(self) -> &'static str {
        match self {
            Appearance::System => "system",
            Appearance::Light => "light",
            Appearance::Dark => "dark",
        }
    }

    pub fn from_id(id: &str) -> Option<Appearance> {
        Appearance::ALL.into_iter().find(|a| a.id() == id)
    }

    /// Whether the UI draws dark, given whether the system is dark now.
    pub fn is_dark(self, system_dark: bool) -> bool {
        match self {
            Appearance::System => system_dark,
            Appearance::Light => false,
            Appearance::Dark => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_appearance_round_trips_through_its_id_and_unknown_ids_are_refused() {
        for a in Appearance::ALL {
            assert_eq!(Appearance::from_id(a.id()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.id())
            );
        }
        assert_eq!(Appearance::from_id("sepia"), None);
    }

    #[test]
    fn the_system_setting_decides_only_when_nothing_overrides_it() {
        assert!(Appearance::System.is_dark(true));
        assert!(!Appearance::System.is_dark(false));
        assert!(Appearance::Dark.is_dark(false));
        assert!(!Appearance::Light.is_dark(true));
    }
}
