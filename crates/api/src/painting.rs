//! How WebKitGTK paints the window on Linux: on the CPU when the machine has no GPU to paint with.
//!
//! Since 2.46 WebKitGTK paints page layers with Skia on the GPU. On a machine without one (a VM,
//! a remote desktop, CI) Mesa's software rasteriser stands in, and the page's main thread then
//! waits for that GPU painting thread: closing the scenario menu over a freshly drawn 10k chart
//! blocked the page for 250-340 ms, while Skia's own CPU painting threads need a few ms for the
//! same work. So without a GPU render node the app asks WebKit for CPU painting, before the
//! webview (whose process inherits the environment) starts.

use crate::launch::Args;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::ffi::OsString;
use std::path::Path;
use topograph_desktop::{PaintingSetting, Preferences};

/// `cpu` or `gpu` overrides the choice made from the machine.
pub const PAINTING_ENV: &str = "TOPOGRAPH_PAINTING";
/// WebKitGTK's own switch; a value already set, by the user or a wrapper, is kept as it is.
const WEBKIT_CPU_ENV: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Where the webview's layers get painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Painting {
    /// WebKit's default: the GPU.
    Gpu,
    Cpu,
}

/// Why the app chose as it did, for the line it prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub painting: Painting,
    pub reason: String,
}

/// What the choice depends on, read from the machine by [`Machine::read`] and made up in tests.
pub struct Machine {
    pub env: Vec<(String, OsString)>,
    /// Whether a DRM render node (`/dev/dri/renderD*`) exists: without one, any GL is software.
    pub has_render_node: bool,
}

impl Machine {
    pub fn read() -> Machine {
        let names = [PAINTING_ENV, WEBKIT_CPU_ENV, "LIBGL_ALWAYS_SOFTWARE"];
        Machine {
            env: names
                .iter()
                .filter_map(|n| std::env::var_os(n).map(|v| (n.to_string(), v)))
                .collect(),
            has_render_node: has_render_node(Path::new("/dev/dri")),
        }
    }

    fn var(&self, name: &str) -> Option<&OsString> {
        self.env.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// The painting for `machine`, or `None` when WebKit's own setting is already in the environment.
/// `setting` is the one chosen in Settings, if any: `TOPOGRAPH_PAINTING` wins over it, and it wins
/// over what the machine suggests.
pub fn choose(machine: &Machine, setting: Option<Painting>) -> Option<Choice> {
    if machine.var(WEBKIT_CPU_ENV).is_some() {
        return None;
    }
    let choice = |painting, reason: &str| {
        Some(Choice {
            painting,
            reason: reason.to_string(),
        })
    };
    match machine.var(PAINTING_ENV).map(|v| v.to_string_lossy().to_ascii_lowercase()) {
        Some(v) if v == "cpu" => return choice(Painting::Cpu, "TOPOGRAPH_PAINTING=cpu"),
        Some(v) if v == "gpu" => return choice(Painting::Gpu, "TOPOGRAPH_PAINTING=gpu"),
        Some(v) => eprintln!(
            "topograph: ignoring {PAINTING_ENV}={v:?} (expected cpu or gpu); choosing from the machine"
        ),
        None => {}
    }
    match setting {
        Some(Painting::Cpu) => return choice(Painting::Cpu, "chosen in Settings"),
        Some(Painting::Gpu) => return choice(Painting::Gpu, "chosen in Settings"),
        None => {}
    }
    let software_gl = machine
        .var("LIBGL_ALWAYS_SOFTWARE")
        .is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    if software_gl {
        return choice(Painting::Cpu, "LIBGL_ALWAYS_SOFTWARE is set");
    }
    if !machine.has_render_node {
        return choice(Painting::Cpu, "no GPU render node in /dev/dri");
    }
    choice(Painting::Gpu, "a GPU render node exists")
}

/// Applies the choice for this machine (and `setting`, see [`choose`]) to the environment and
/// answers it: `None` off Linux or when WebKit's own setting was given. Call first thing in
/// `run()`, while the process has one thread (setting the environment races with threads reading
/// it).
pub fn apply(setting: Option<Painting>) -> Option<Choice> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let choice = choose(&Machine::read(), setting)?;
    if choice.painting == Painting::Cpu {
        std::env::set_var(WEBKIT_CPU_ENV, "1");
        eprintln!("topograph: painting on the CPU ({})", choice.reason);
    }
    Some(choice)
}

/// The choice a setting of Settings › Painting forces; `Automatic` leaves it to the machine.
pub fn forced(setting: PaintingSetting) -> Option<Painting> {
    match setting {
        PaintingSetting::Automatic => None,
        PaintingSetting::Cpu => Some(Painting::Cpu),
        PaintingSetting::Gpu => Some(Painting::Gpu),
    }
}

/// What this start chose, once [`apply_at_start`] ran (`None`: not Linux, or WebKit's own
/// variable was set).
static CHOSEN: std::sync::OnceLock<Option<Choice>> = std::sync::OnceLock::new();

/// [`apply`] with the setting kept in preferences.json (in the data folder `args` chose, else the
/// platform's settings folder of the app called `identifier`), before Tauri starts; the choice is
/// kept for [`PaintingState::now`].
pub fn apply_at_start(args: &Args, identifier: &str) -> Option<Choice> {
    let file = args
        .chosen_data_dir()
        .or_else(|| linux_config_dir(identifier))
        .map(|d| d.join("preferences.json"));
    let setting = file
        .map(|f| Preferences::load(&f).painting)
        .unwrap_or_default();
    let chosen = apply(forced(setting));
    let _ = CHOSEN.set(chosen.clone());
    chosen
}

/// The painting as Settings shows it.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct PaintingState {
    /// Kept for the next start.
    pub setting: PaintingSetting,
    /// Whether this start paints on the CPU; `None` where the app does not choose (not Linux, or
    /// `WEBKIT_SKIA_ENABLE_CPU_RENDERING` given).
    pub on_cpu: Option<bool>,
    /// Why, in a few words ("no GPU render node in /dev/dri", "chosen in Settings").
    pub reason: Option<String>,
}

impl PaintingState {
    /// The setting kept now and what this start `chose`.
    pub fn of(setting: PaintingSetting, chose: Option<Choice>) -> PaintingState {
        PaintingState {
            setting,
            on_cpu: chose.as_ref().map(|c| c.painting == Painting::Cpu),
            reason: chose.map(|c| c.reason),
        }
    }

    /// The setting kept now and what this start chose ([`apply_at_start`]).
    pub fn now(setting: PaintingSetting) -> PaintingState {
        PaintingState::of(setting, CHOSEN.get().cloned().flatten())
    }
}

/// Where the settings of the app live on Linux before Tauri can say (the painting is chosen
/// before it starts): `$XDG_CONFIG_HOME/<identifier>`, else `~/.config/<identifier>`, as Tauri's
/// `app_config_dir` resolves it there.
pub fn linux_config_dir(identifier: &str) -> Option<std::path::PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(base.join(identifier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_force_their_painting_and_automatic_leaves_it_to_the_machine() {
        assert_eq!(forced(PaintingSetting::Automatic), None);
        assert_eq!(forced(PaintingSetting::Cpu), Some(Painting::Cpu));
        assert_eq!(forced(PaintingSetting::Gpu), Some(Painting::Gpu));
    }

    #[test]
    fn settings_show_the_kept_setting_beside_what_this_start_chose_and_why() {
        let chose = Some(Choice {
            painting: Painting::Cpu,
            reason: "chosen in Settings".into(),
        });
        let s = PaintingState::of(PaintingSetting::Gpu, chose);
        assert_eq!(s.setting, PaintingSetting::Gpu, "applies at the next start");
        assert_eq!(s.on_cpu, Some(true));
        assert_eq!(s.reason.as_deref(), Some("chosen in Settings"));
        assert_eq!(
            PaintingState::now(PaintingSetting::Cpu).on_cpu,
            None,
            "nothing chosen before the start chose"
        );
        let none = PaintingState::of(PaintingSetting::Automatic, None);
        assert_eq!((none.on_cpu, none.reason), (None, None));
    }

    fn machine(env: &[(&str, &str)], has_render_node: bool) -> Machine {
        Machine {
            env: env
                .iter()
                .map(|(n, v)| (n.to_string(), OsString::from(v)))
                .collect(),
            has_render_node,
        }
    }

    fn painting(m: &Machine) -> Option<Painting> {
        choose(m, None).map(|c| c.painting)
    }

    #[test]
    fn a_machine_without_a_render_node_paints_on_the_cpu() {
        assert_eq!(painting(&machine(&[], false)), Some(Painting::Cpu));
    }

    #[test]
    fn a_machine_with_a_render_node_keeps_webkits_gpu_painting() {
        assert_eq!(painting(&machine(&[], true)), Some(Painting::Gpu));
    }

    #[test]
    fn forced_software_gl_paints_on_the_cpu_even_with_a_gpu() {
        let m = machine(&[("LIBGL_ALWAYS_SOFTWARE", "1")], true);
        assert_eq!(painting(&m), Some(Painting::Cpu));
        let off = machine(&[("LIBGL_ALWAYS_SOFTWARE", "0")], true);
        assert_eq!(painting(&off), Some(Painting::Gpu));
    }

    #[test]
    fn the_users_choice_wins_over_the_machine() {
        assert_eq!(
            painting(&machine(&[(PAINTING_ENV, "GPU")], false)),
            Some(Painting::Gpu)
        );
        assert_eq!(
            painting(&machine(&[(PAINTING_ENV, "cpu")], true)),
            Some(Painting::Cpu)
        );
    }

    #[test]
    fn an_unknown_choice_falls_back_to_the_machine() {
        assert_eq!(
            painting(&machine(&[(PAINTING_ENV, "fast")], false)),
            Some(Painting::Cpu)
        );
        assert_eq!(
            painting(&machine(&[(PAINTING_ENV, "fast")], true)),
            Some(Painting::Gpu)
        );
    }

    #[test]
    fn webkits_own_setting_is_left_alone() {
        let m = machine(&[(WEBKIT_CPU_ENV, "0"), (PAINTING_ENV, "cpu")], false);
        assert_eq!(choose(&m, Some(Painting::Gpu)), None);
    }

    #[test]
    fn the_setting_wins_over_the_machine_and_the_variable_over_the_setting() {
        let chosen = choose(&machine(&[], false), Some(Painting::Gpu)).unwrap();
        assert_eq!(chosen.painting, Painting::Gpu);
        assert_eq!(chosen.reason, "chosen in Settings");
        assert_eq!(
            choose(&machine(&[], true), Some(Painting::Cpu)).map(|c| c.painting),
            Some(Painting::Cpu)
        );
        let env = machine(&[(PAINTING_ENV, "cpu")], true);
        assert_eq!(
            choose(&env, Some(Painting::Gpu)).map(|c| c.painting),
            Some(Painting::Cpu)
        );
    }

    #[test]
    fn render_nodes_are_found_by_name() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dir.path()));
        assert!(!has_render_node(&dir.path().join("missing")));
    }
}
