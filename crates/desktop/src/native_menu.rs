//! The menu bar ([`menu_bar`](crate::menu::menu_bar)) made into the platform's menus and kept in
//! line with the document through [`NativeMenus`], which the shell implements with Tauri's
//! menus: one walk over the bar, our items kept by command, View › Appearance's ticks, Undo and
//! Redo named for what they would do, and Open Recent relisted when the recent documents change.

use crate::menu::{document_items, Command, Entry, Native, RecentList, Submenu, RECENT_MENU};
use crate::Appearance;
use std::collections::HashMap;

/// The platform's menus as the walk makes and updates them. Each `append`ing method adds to the
/// end of `menu`.
pub trait NativeMenus {
    type Menu: Clone;
    type Item;
    type Check;
    type Error;
    /// An empty submenu, enabled.
    fn submenu(&self, id: &'static str, label: &str) -> Result<Self::Menu, Self::Error>;
    /// Appends an item of ours (its id is a [`Command::id`]) and answers it.
    fn item(
        &self,
        menu: &Self::Menu,
        id: String,
        label: &str,
        enabled: bool,
        accelerator: Option<&'static str>,
    ) -> Result<Self::Item, Self::Error>;
    /// Appends one choice of a group, enabled, ticked when `checked`, and answers it.
    fn check(
        &self,
        menu: &Self::Menu,
        id: String,
        label: &str,
        checked: bool,
    ) -> Result<Self::Check, Self::Error>;
    /// Appends the platform's own item.
    fn native(&self, menu: &Self::Menu, native: Native) -> Result<(), Self::Error>;
    fn separator(&self, menu: &Self::Menu) -> Result<(), Self::Error>;
    /// Appends `inner`, made already, as a submenu.
    fn nest(&self, menu: &Self::Menu, inner: &Self::Menu) -> Result<(), Self::Error>;
    /// Gives an item its label (when `label` is some) and its enabled state.
    fn set_item(&self, item: &Self::Item, label: Option<&str>, enabled: bool);
    fn set_checked(&self, check: &Self::Check, checked: bool);
    /// Removes every item of `menu`.
    fn clear(&self, menu: &Self::Menu);
    fn set_enabled(&self, menu: &Self::Menu, enabled: bool);
}

/// The menu bar made: its menus, left to right, for the shell to set as the app's, and what
/// follows the document.
pub struct NativeBar<M: NativeMenus> {
    pub menus: Vec<M::Menu>,
    items: HashMap<Command, M::Item>,
    checks: Vec<(Appearance, M::Check)>,
    recent: Option<M::Menu>,
    listed: RecentList,
}

impl<M: NativeMenus> NativeBar<M> {
    /// Makes every menu of `bar`, each whole before the next, submenus before their parent takes
    /// them.
    pub fn build(m: &M, bar: &[Submenu]) -> Result<NativeBar<M>, M::Error> {
        let mut out = NativeBar {
            menus: Vec::new(),
            items: HashMap::new(),
            checks: Vec::new(),
            recent: None,
            listed: RecentList::default(),
        };
        for s in bar {
            let menu = out.walk(m, s)?;
            out.menus.push(menu);
        }
        Ok(out)
    }

    fn walk(&mut self, m: &M, s: &Submenu) -> Result<M::Menu, M::Error> {
        let menu = m.submenu(s.id, s.label)?;
        for entry in &s.entries {
            match entry {
                Entry::Item {
                    command,
                    label,
                    accelerator,
                    enabled,
                } => {
                    let item = m.item(&menu, command.id(), label, *enabled, *accelerator)?;
                    self.items.insert(command.clone(), item);
                }
                Entry::Check {
                    command,
                    label,
                    checked,
                } => {
                    let check = m.check(&menu, command.id(), label, *checked)?;
                    if let Command::Appearance(a) = command {
                        self.checks.push((*a, check));
                    }
                }
                Entry::Native(n) => m.native(&menu, *n)?,
                Entry::Separator => m.separator(&menu)?,
                Entry::Submenu(inner) => {
                    let sub = self.walk(m, inner)?;
                    m.nest(&menu, &sub)?;
                }
            }
        }
        if s.id == RECENT_MENU {
            self.recent = Some(menu.clone());
        }
        Ok(menu)
    }

    /// Ticks View › Appearance's item for `a` and no other.
    pub fn tick(&self, m: &M, a: Appearance) {
        for (choice, check) in &self.checks {
            m.set_checked(check, *choice == a);
        }
    }

    /// Labels Undo/Redo with what they would do (`undo`, `redo`: the history's labels), enables
    /// what applies while a document is `open`, and relists Open Recent when the `recent`
    /// documents ((name, path), newest first) are not those it lists.
    pub fn refresh(
        &self,
        m: &M,
        (undo, redo): (Option<&str>, Option<&str>),
        open: bool,
        recent: Vec<(String, String)>,
    ) {
        for d in document_items(undo, redo, open) {
            if let Some(item) = self.items.get(&d.command) {
                m.set_item(item, d.label.as_deref(), d.enabled);
            }
        }
        let Some(menu) = &self.recent else {
            return;
        };
        self.listed.relist(recent, |items| {
            m.clear(menu);
            let any = !items.is_empty();
            for entry in items {
                if let Entry::Item { command, label, .. } = entry {
                    let _ = m.item(menu, command.id(), &label, true, None);
                }
            }
            m.set_enabled(menu, any);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::menu::{menu_bar, Layout};
    use std::cell::RefCell;

    /// Menus as their ids, writing down what was done to them.
    #[derive(Default)]
    struct Log(RefCell<Vec<String>>);

    impl Log {
        fn add(&self, what: String) -> Result<(), ()> {
            self.0.borrow_mut().push(what);
            Ok(())
        }
        fn taken(&self) -> Vec<String> {
            self.0.take()
        }
    }

    impl NativeMenus for Log {
        type Menu = &'static str;
        type Item = String;
        type Check = String;
        type Error = ();
        fn submenu(&self, id: &'static str, _: &str) -> Result<&'static str, ()> {
            self.add(format!("menu {id}")).map(|()| id)
        }
        fn item(
            &self,
            menu: &&'static str,
            id: String,
            label: &str,
            enabled: bool,
            _: Option<&'static str>,
        ) -> Result<String, ()> {
            self.add(format!("{menu}: {label} ({enabled})"))
                .map(|()| id)
        }
        fn check(
            &self,
            menu: &&'static str,
            id: String,
            label: &str,
            on: bool,
        ) -> Result<String, ()> {
            self.add(format!("{menu}: {label} [{on}]")).map(|()| id)
        }
        fn native(&self, menu: &&'static str, n: Native) -> Result<(), ()> {
            self.add(format!("{menu}: {n:?}"))
        }
        fn separator(&self, menu: &&'static str) -> Result<(), ()> {
            self.add(format!("{menu}: ---"))
        }
        fn nest(&self, menu: &&'static str, inner: &&'static str) -> Result<(), ()> {
            self.add(format!("{menu}: > {inner}"))
        }
        fn set_item(&self, item: &String, label: Option<&str>, enabled: bool) {
            let _ = self.add(format!("set {item} {label:?} {enabled}"));
        }
        fn set_checked(&self, check: &String, checked: bool) {
            let _ = self.add(format!("tick {check} {checked}"));
        }
        fn clear(&self, menu: &&'static str) {
            let _ = self.add(format!("clear {menu}"));
        }
        fn set_enabled(&self, menu: &&'static str, enabled: bool) {
            let _ = self.add(format!("enable {menu} {enabled}"));
        }
    }

    fn built(log: &Log) -> NativeBar<Log> {
        let bar = menu_bar(&Layout {
            mac: false,
            appearance: Appearance::Dark,
            export_data: &[("json", "Topograph JSON…")],
        });
        NativeBar::build(log, &bar).unwrap()
    }

    #[test]
    fn the_bar_is_made_menu_by_menu_with_a_submenu_made_before_its_parent_takes_it() {
        let log = Log::default();
        let bar = built(&log);
        assert_eq!(bar.menus.first(), Some(&"file"));
        let done = log.taken();
        let recent = done.iter().position(|d| d == "menu recent").unwrap();
        let nested = done.iter().position(|d| d == "file: > recent").unwrap();
        assert!(recent < nested, "{done:?}");
        assert!(
            done.contains(&"appearance: Dark [true]".to_string()),
            "{done:?}"
        );
    }

    #[test]
    fn undo_and_redo_follow_the_history_and_appearance_ticks_one_choice() {
        let log = Log::default();
        let bar = built(&log);
        log.taken();
        bar.refresh(&log, (Some("Rename"), None), true, Vec::new());
        let done = log.taken();
        assert!(
            done.contains(&"set undo Some(\"Undo Rename\") true".to_string()),
            "{done:?}"
        );
        assert!(
            done.contains(&"set redo Some(\"Redo\") false".to_string()),
            "{done:?}"
        );
        assert!(
            done.contains(&"set save_as None true".to_string()),
            "{done:?}"
        );
        bar.tick(&log, Appearance::Light);
        let ticks = log.taken();
        assert_eq!(
            ticks.iter().filter(|t| t.ends_with("true")).count(),
            1,
            "{ticks:?}"
        );
        assert!(
            ticks.contains(&"tick appearance:light true".to_string()),
            "{ticks:?}"
        );
    }

    #[test]
    fn open_recent_is_relisted_and_enabled_only_when_the_recent_documents_change() {
        let log = Log::default();
        let bar = built(&log);
        log.taken();
        let docs = vec![("Org".to_string(), "/d/Org.topo".to_string())];
        bar.refresh(&log, (None, None), false, docs.clone());
        let done: Vec<String> = log
            .taken()
            .into_iter()
            .filter(|d| !d.starts_with("set "))
            .collect();
        assert_eq!(
            done,
            [
                "clear recent",
                "recent: Org  —  /d/Org.topo (true)",
                "enable recent true"
            ]
        );
        bar.refresh(&log, (None, None), false, docs);
        assert!(
            log.taken().iter().all(|d| d.starts_with("set ")),
            "the same list stays"
        );
        bar.refresh(&log, (None, None), false, Vec::new());
        let done: Vec<String> = log
            .taken()
            .into_iter()
            .filter(|d| !d.starts_with("set "))
            .collect();
        assert_eq!(done, ["clear recent", "enable recent false"]);
    }
}
