//! Multi-document YAML (`---` separated), each document parsed with the line it starts on so
//! problems can point into the file.

use crate::Problem;
use serde_yaml_ng::Value;

/// One document of a YAML stream.
pub struct Doc {
    /// The line of the document's first line in the file (1-based).
    pub line: usize,
    pub value: Value,
}

/// Splits at `---` lines (a marker at column 0 is never inside a scalar of a document) and
/// parses each part. Empty documents are skipped; a part that is not YAML is a problem.
pub fn documents(text: &str) -> (Vec<Doc>, Vec<Problem>) {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut start_line = 1;
    let mut part = String::new();
    let flush =
        |part: &mut String, start: usize, docs: &mut Vec<Doc>, problems: &mut Vec<Problem>| {
            if !part.trim().is_empty() {
                match serde_yaml_ng::from_str::<Value>(part) {
                    Ok(Value::Null) => {}
                    Ok(value) => docs.push(Doc { line: start, value }),
                    Err(e) => {
                        let (l, c) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                        problems.push(Problem::new(
                            start + l - 1,
                            c,
                            format!("not valid YAML: {}", first_sentence(&e.to_string())),
                        ));
                    }
                }
            }
            part.clear();
        };
    for (i, line) in text.lines().enumerate() {
        let marker = line.starts_with("---") && line[3..].trim().is_empty()
            || line.starts_with("--- ")
            || line == "..."
            || line.starts_with("... ");
        if marker {
            flush(&mut part, start_line, &mut docs, &mut problems);
            start_line = i + 2;
            // "--- value" carries content on the marker line.
            if let Some(rest) = line.strip_prefix("--- ") {
                if !rest.trim().is_empty() && !rest.trim_start().starts_with('#') {
                    part.push_str(rest);
                    part.push('\n');
                    start_line = i + 1;
                }
            }
            continue;
        }
        part.push_str(line);
        part.push('\n');
    }
    flush(&mut part, start_line, &mut docs, &mut problems);
    (docs, problems)
}

fn first_sentence(s: &str) -> &str {
    s.split(" at line ").next().unwrap_or(s)
}

/// A string at a path of keys (`spec.profile.email`), if it is one.
pub fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut cur = v;
    for k in path {
        cur = cur.get(*k)?;
    }
    cur.as_str()
}

/// Strings at a path: a sequence of strings, or one string as a list of one.
pub fn strs_at<'a>(v: &'a Value, path: &[&str]) -> Vec<&'a str> {
    let mut cur = v;
    for k in path {
        match cur.get(*k) {
            Some(next) => cur = next,
            None => return Vec::new(),
        }
    }
    match cur {
        Value::Sequence(items) => items.iter().filter_map(Value::as_str).collect(),
        Value::String(s) => vec![s.as_str()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_keep_the_line_they_start_on() {
        let text = "# catalog\n---\nkind: Group\n---\n\n---\nkind: User\nname: [unclosed\n---\nkind: Domain\n";
        let (docs, problems) = documents(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].line, 3);
        assert_eq!(str_at(&docs[0].value, &["kind"]), Some("Group"));
        assert_eq!(docs[1].line, 10);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].line >= 7, "{:?}", problems[0]);
    }
}
