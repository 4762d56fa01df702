use serde::{Deserialize, Serialize};

/// A document window as it was closed: outer position and inner size in physical pixels (what the
/// OS reports and the monitors are measured in), and whether it was maximised (then the size and
/// place are those to return to when it is restored).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowGeometry {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub maximized: bool,
}

/// A monitor's rectangle in physical pixels, in the desktop's coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Screen {
    fn overlap(&self, g: &WindowGeometry) -> i64 {
        let w = span(self.x, self.width, g.x, g.width);
        let h = span(self.y, self.height, g.y, g.height);
        w * h
    }
}

/// How far two intervals overlap.
fn span(a: i32, a_len: u32, b: i32, b_len: u32) -> i64 {
    let start = i64::from(a).max(i64::from(b));
    let end = (i64::from(a) + i64::from(a_len)).min(i64::from(b) + i64::from(b_len));
    (end - start).max(0)
}

/// Fits a remembered window onto the screens there are now: onto the screen it overlaps most (the
/// first screen, the primary, when it overlaps none, as after unplugging the monitor it was on),
/// no larger than that screen and wholly inside it. With no screens known it is left as it was.
pub fn clamp(g: WindowGeometry, screens: &[Screen]) -> WindowGeometry {
    let Some(first) = screens.first() else {
        return g;
    };
    let best = screens
        .iter()
        .max_by_key(|s| s.overlap(&g))
        .filter(|s| s.overlap(&g) > 0)
        .unwrap_or(first);
    let width = g.width.min(best.width).max(1);
    let height = g.height.min(best.height).max(1);
    let inside = |pos: i32, len: u32, start: i32, screen_len: u32| {
        let last = i64::from(start) + i64::from(screen_len) - i64::from(len);
        i64::from(pos).clamp(i64::from(start), last) as i32
    };
    WindowGeometry {
        x: inside(g.x, width, best.x, best.width),
        y: inside(g.y, height, best.y, best.height),
        width,
        height,
        maximized: g.maximized,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEFT: Screen = Screen {
        x: 0,
        y: 0,
        width: 1920,
        height: 1080,
    };
    const RIGHT: Screen = Screen {
        x: 1920,
        y: 0,
        width: 2560,
        height: 1440,
    };

    fn at(x: i32, y: i32, width: u32, height: u32) -> WindowGeometry {
        WindowGeometry {
            x,
            y,
            width,
            height,
            maximized: false,
        }
    }

    #[test]
    fn a_window_inside_a_screen_stays_where_it_was() {
        let g = at(100, 80, 1280, 800);
        assert_eq!(clamp(g, &[LEFT, RIGHT]), g);
        let on_right = at(2000, 100, 1600, 1000);
        assert_eq!(clamp(on_right, &[LEFT, RIGHT]), on_right);
    }

    #[test]
    fn a_window_on_a_screen_that_is_gone_moves_onto_the_primary_screen() {
        let g = at(2500, 300, 1280, 800);
        assert_eq!(clamp(g, &[LEFT]), at(640, 280, 1280, 800));
    }

    #[test]
    fn a_window_larger_than_its_screen_shrinks_to_fit_and_keeps_its_maximised_state() {
        let g = WindowGeometry {
            maximized: true,
            ..at(-50, -20, 2560, 1440)
        };
        let c = clamp(g, &[LEFT]);
        assert_eq!((c.x, c.y, c.width, c.height), (0, 0, 1920, 1080));
        assert!(c.maximized);
    }

    #[test]
    fn a_window_across_two_screens_lands_on_the_one_it_covers_most() {
        // 300 px on the left screen, 980 on the right one.
        let c = clamp(at(1620, 100, 1280, 800), &[LEFT, RIGHT]);
        assert_eq!(c, at(1920, 100, 1280, 800));
    }

    #[test]
    fn a_window_hanging_off_the_bottom_is_pulled_back_up() {
        assert_eq!(clamp(at(10, 900, 800, 600), &[LEFT]), at(10, 480, 800, 600));
    }

    #[test]
    fn with_no_screens_known_the_window_is_left_as_it_was() {
        let g = at(-5000, 7000, 10, 10);
        assert_eq!(clamp(g, &[]), g);
    }
}
