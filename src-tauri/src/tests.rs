use super::*;
use std::path::Path;

/// The committed bindings must be what the builder generates now (a GitButler-style drift
/// check). `TOPOGRAPH_WRITE_BINDINGS=1` (what `make bindings` sets) rewrites them instead.
#[test]
fn committed_bindings_match_the_commands_and_events() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    let dir = tempfile::tempdir().unwrap();
    let fresh_path = dir.path().join("bindings.ts");
    specta_builder()
        .export(typescript(), &fresh_path)
        .expect("the bindings export");
    let fresh = std::fs::read_to_string(&fresh_path).unwrap();
    if std::env::var_os("TOPOGRAPH_WRITE_BINDINGS").is_some_and(|v| v == "1") {
        std::fs::write(&committed, &fresh).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/bindings.ts is out of date with the Rust commands and events: run `make bindings` and commit the result"
    );
}

#[test]
fn the_bindings_type_errors_as_code_and_message() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts"))
            .unwrap();
    assert!(text.contains("orgChartScene"), "commands are exported");
    assert!(text.contains("docChanged"), "events are exported");
    let error = text
        .split("export type Error = {")
        .nth(1)
        .expect("the core's Error is exported")
        .split('}')
        .next()
        .unwrap()
        .split_whitespace()
        .collect::<String>();
    // `{code, message}`, plus the optional input field at fault that a form can mark.
    assert!(
        error.starts_with("code:ErrorCode,message:string,"),
        "{error}"
    );
    assert!(
        error.ends_with("field?:string|null,"),
        "the only other member is the optional field: {error}"
    );
    assert!(text.contains("export type ErrorCode =") && text.contains("\"not_found\" |"));
}

/// The names between `[` after `start` and the next `]` in `text` that look like commands.
fn listed(text: &str, start: &str) -> std::collections::BTreeSet<String> {
    let from = text.find(start).expect("the list is there") + start.len();
    let to = from + text[from..].find(']').expect("the list ends");
    text[from..to]
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.rsplit("::").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_capability_allows_exactly_the_listed_commands() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    // One list feeds the handler, the bindings and the app manifest (build.rs).
    let listed = listed(&read("src-tauri/src/command_list.rs"), "app_commands![");
    let capability: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/main.json")).unwrap();
    let allowed: std::collections::BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert_eq!(
        allowed, listed,
        "the capability allows exactly the commands"
    );
}
