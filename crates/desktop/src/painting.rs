use serde::{Deserialize, Serialize};

/// Settings › Painting: where WebKitGTK paints the window on Linux. `Automatic` lets the app choose
/// from the machine (the CPU without a GPU render node); the others force it. Read before the
/// window starts, so a change applies at the next start. `TOPOGRAPH_PAINTING` still wins.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum PaintingSetting {
    #[default]
    Automatic,
    Cpu,
    Gpu,
}
