//! The window the menus act on: a menu click reaches the app, not a window, so it goes to the
//! window that had the focus last, else to any window there is (macOS keeps the menu bar with
//! none).

use std::sync::Mutex;

/// The label of the window focused last.
pub struct Focus(Mutex<String>);

impl Focus {
    pub fn new(label: &str) -> Focus {
        Focus(Mutex::new(label.to_string()))
    }

    /// Window `label` took the focus (or was brought to the front).
    pub fn set(&self, label: &str) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = label.to_string();
    }

    /// The window the menus act on among the `open` ones: the one focused last, else the first.
    pub fn pick<'a>(&self, open: impl IntoIterator<Item = &'a str>) -> Option<String> {
        let last = self.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut first = None;
        for label in open {
            if label == last {
                return Some(last);
            }
            first = first.or(Some(label));
        }
        first.map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menus_act_on_the_window_focused_last() {
        let f = Focus::new("main");
        assert_eq!(f.pick(["doc-2", "main"]).as_deref(), Some("main"));
        f.set("doc-2");
        assert_eq!(f.pick(["doc-2", "main"]).as_deref(), Some("doc-2"));
    }

    #[test]
    fn when_the_window_focused_last_is_gone_any_other_takes_the_menus_and_with_none_nothing_does() {
        let f = Focus::new("doc-3");
        assert_eq!(f.pick(["doc-2", "main"]).as_deref(), Some("doc-2"));
        assert_eq!(f.pick([]), None);
    }
}
