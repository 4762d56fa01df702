//! Names as identifiers: Backstage entity names and file names made from display names.

use std::collections::HashSet;

/// A lower-case identifier of letters, digits and single dashes, at most 63 characters (what
/// Backstage accepts as an entity name). Letters outside ASCII lose their accents where that is
/// a plain letter (é → e, ß → ss); anything else separates words.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        let plain: Option<&str> = match c {
            'a'..='z' | '0'..='9' => None,
            'A'..='Z' => None,
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                Some("a")
            }
            'ç' | 'Ç' => Some("c"),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => Some("e"),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => Some("i"),
            'ñ' | 'Ñ' => Some("n"),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                Some("o")
            }
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => Some("u"),
            'ý' | 'ÿ' | 'Ý' => Some("y"),
            'ß' => Some("ss"),
            'æ' | 'Æ' => Some("ae"),
            _ => Some(""),
        };
        match plain {
            None => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c.to_ascii_lowercase());
            }
            Some("") => dash = true,
            Some(s) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push_str(s);
            }
        }
    }
    out.truncate(60);
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "unnamed".to_string()
    } else {
        out
    }
}

/// Hands out slugs that are unique among those handed out before (`payments`, `payments-2`).
#[derive(Default)]
pub struct Slugs {
    used: HashSet<String>,
}

impl Slugs {
    pub fn unique(&mut self, name: &str) -> String {
        let base = slug(name);
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.used.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_dashes() {
        assert_eq!(slug("Payments & Billing"), "payments-billing");
        assert_eq!(slug("  Zoë Ørsted-Müller "), "zoe-orsted-muller");
        assert_eq!(slug("Straße"), "strasse");
        assert_eq!(slug("!!!"), "unnamed");
        assert!(slug(&"x".repeat(100)).len() <= 63);
    }

    #[test]
    fn repeated_names_get_numbered_slugs() {
        let mut s = Slugs::default();
        assert_eq!(s.unique("Core"), "core");
        assert_eq!(s.unique("core"), "core-2");
        assert_eq!(s.unique("Core!"), "core-3");
    }
}
