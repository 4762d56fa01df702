//! Best guesses from free text: a discipline from a job title, a team role from a discipline,
//! and the statuses and employment types HR systems spell in many ways.

use topograph_model::{Discipline, Employment, PersonStatus, TeamRole};

/// The discipline a job title suggests ("Senior Backend Engineer" → engineering).
pub fn discipline(title: &str) -> Discipline {
    let t = title.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&[
        "engineering manager",
        "head of engineering",
        "vp engineering",
        "vp of engineering",
        "cto",
        "director of engineering",
        "engineering director",
    ]) {
        Discipline::EngineeringManagement
    } else if has(&[
        "product manager",
        "product owner",
        "head of product",
        "product lead",
        "cpo",
        "vp product",
    ]) {
        Discipline::ProductManagement
    } else if has(&["design", "ux", "ui "]) {
        Discipline::Design
    } else if has(&["research"]) {
        Discipline::Research
    } else if has(&["data", "analyst", "machine learning", "ml "]) {
        Discipline::Data
    } else if has(&["qa", "quality", "test"]) {
        Discipline::Quality
    } else if has(&[
        "engineer",
        "developer",
        "programmer",
        "architect",
        "sre",
        "devops",
    ]) {
        Discipline::Engineering
    } else {
        Discipline::Other
    }
}

/// The team role that goes with a discipline.
pub fn role(d: Discipline) -> TeamRole {
    match d {
        Discipline::ProductManagement => TeamRole::ProductManager,
        Discipline::Design => TeamRole::Designer,
        Discipline::Engineering | Discipline::Quality | Discipline::Data => TeamRole::Engineer,
        Discipline::EngineeringManagement => TeamRole::EngineeringManager,
        Discipline::Research | Discipline::Other => TeamRole::Other,
    }
}

fn words(s: &str) -> String {
    s.trim().to_ascii_lowercase().replace(['_', '-'], " ")
}

/// A status as HR systems write it ("Active", "Terminated", "Open", "Pre-hire", ...).
pub fn status(s: &str) -> Option<PersonStatus> {
    if let Ok(v) = s.trim().parse() {
        return Some(v);
    }
    Some(match words(s).as_str() {
        "active" | "employed" | "current" | "on leave" | "leave of absence" => PersonStatus::Active,
        "leaving" | "terminated" | "notice" | "notice period" | "offboarding" | "resigned" => {
            PersonStatus::Leaving
        }
        "open" | "open position" | "open role" | "vacancy" | "vacant" | "requisition" => {
            PersonStatus::OpenPosition
        }
        "planned" | "planned hire" | "pre hire" | "prehire" | "onboarding" | "offer accepted"
        | "hired" => PersonStatus::PlannedHire,
        _ => return None,
    })
}

/// An employment type as HR systems write it ("Full-time", "Contractor", "Freelance", ...).
pub fn employment(s: &str) -> Option<Employment> {
    if let Ok(v) = s.trim().parse() {
        return Some(v);
    }
    let w = words(s);
    if [
        "contract",
        "freelance",
        "temporary",
        "temp",
        "consultant",
        "agency",
        "external",
    ]
    .iter()
    .any(|k| w.contains(k))
    {
        Some(Employment::Contractor)
    } else if [
        "full time",
        "part time",
        "permanent",
        "employee",
        "fixed term",
        "salaried",
        "hourly",
        "intern",
        "working student",
        "festangestellt",
        "vollzeit",
        "teilzeit",
    ]
    .iter()
    .any(|k| w.contains(k))
    {
        Some(Employment::Employee)
    } else {
        None
    }
}

/// A discipline by its spelling or a readable variant ("Product Management").
pub fn discipline_named(s: &str) -> Option<Discipline> {
    if let Ok(d) = s.parse() {
        return Some(d);
    }
    let kebab = words(s).replace(' ', "-");
    kebab.parse().ok()
}

/// A team role by its spelling or a readable variant ("Tech Lead").
pub fn role_named(s: &str) -> Option<TeamRole> {
    if let Ok(r) = s.parse() {
        return Some(r);
    }
    let kebab = words(s).replace(' ', "-");
    kebab.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_suggest_disciplines() {
        assert_eq!(
            discipline("Senior Backend Engineer"),
            Discipline::Engineering
        );
        assert_eq!(
            discipline("Engineering Manager, Payments"),
            Discipline::EngineeringManagement
        );
        assert_eq!(discipline("Product Designer"), Discipline::Design);
        assert_eq!(
            discipline("Group Product Manager"),
            Discipline::ProductManagement
        );
        assert_eq!(discipline("Office Manager"), Discipline::Other);
    }

    #[test]
    fn hr_spellings_of_statuses_and_employment_are_understood() {
        assert_eq!(status("Terminated"), Some(PersonStatus::Leaving));
        assert_eq!(status("open-position"), Some(PersonStatus::OpenPosition));
        assert_eq!(status("Pre-hire"), Some(PersonStatus::PlannedHire));
        assert_eq!(status("maybe"), None);
        assert_eq!(employment("Full-Time"), Some(Employment::Employee));
        assert_eq!(
            employment("Contractor (1099)"),
            Some(Employment::Contractor)
        );
        assert_eq!(role_named("Tech Lead"), Some(TeamRole::TechLead));
    }
}
