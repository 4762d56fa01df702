//! Walks the records of two scenarios side by side in id order (both keep them sorted by id),
//! so matching by identity costs one pass and no lookups.

use std::cmp::Ordering;

/// Calls `f` for every id present in `a` or `b`, with the record on each side, in id order.
pub fn by_id<'a, T: 'a>(
    a: impl Iterator<Item = &'a T>,
    b: impl Iterator<Item = &'a T>,
    id: impl Fn(&T) -> u32,
    mut f: impl FnMut(Option<&'a T>, Option<&'a T>),
) {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    loop {
        let order = match (a.peek(), b.peek()) {
            (None, None) => return,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(x), Some(y)) => id(x).cmp(&id(y)),
        };
        match order {
            Ordering::Less => f(a.next(), None),
            Ordering::Greater => f(None, b.next()),
            Ordering::Equal => f(a.next(), b.next()),
        }
    }
}
