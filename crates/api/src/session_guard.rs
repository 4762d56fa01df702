//! A window's session, locked, that stays valid after its window closes: the guard keeps the
//! session alive itself, so a command that was running when its window went finishes on it and
//! the session is freed after, never while it is in use.

use crate::Session;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex, MutexGuard};

/// A locked session that owns a share of it (`Sessions::of`).
pub struct SessionGuard {
    // Declared first, so it is dropped (unlocked) before the share that keeps its mutex alive.
    guard: MutexGuard<'static, Session>,
    _session: Arc<Mutex<Session>>,
}

impl SessionGuard {
    pub(crate) fn new(session: Arc<Mutex<Session>>) -> SessionGuard {
        // SAFETY: the mutex lives in the Arc's allocation, which never moves and outlives the
        // guard: `_session` holds it and is dropped after `guard` (fields drop in declaration
        // order). The `'static` borrow never leaves this struct: `Deref` hands out borrows of
        // `self` only.
        let mutex: &'static Mutex<Session> = unsafe { &*Arc::as_ptr(&session) };
        // A panic while holding a lock leaves the session as it was: still usable.
        let guard = mutex.lock().unwrap_or_else(|p| p.into_inner());
        SessionGuard {
            guard,
            _session: session,
        }
    }
}

impl Deref for SessionGuard {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.guard
    }
}

impl DerefMut for SessionGuard {
    fn deref_mut(&mut self) -> &mut Session {
        &mut self.guard
    }
}
