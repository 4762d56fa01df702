//! One running app per data folder: a second launch hands what it was asked to open to the
//! running instance and exits, instead of starting a second app that cannot open a document the
//! first one holds.
//!
//! The same mechanism on Linux, macOS and Windows, with the standard library only and nothing
//! that needs a desktop service (D-Bus, which Tauri's single-instance plugin uses on Linux, is
//! missing under Xvfb, in containers and over ssh): the running instance holds an exclusive lock
//! on `instance.lock` in the data folder and listens on a loopback TCP port, which it writes with
//! a random token to `instance.json` beside it. A launch that cannot take the lock reads that file,
//! connects, and sends one line of JSON: the token and the document's absolute path (or none:
//! then the running app only comes to the front). The token keeps other local users' programs from
//! making the app open files; the folder is the user's own.

use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const LOCK_FILE: &str = "instance.lock";
const ADDRESS_FILE: &str = "instance.json";
/// How long a second launch waits for a running instance that is still starting to listen.
const HANDOFF_WAIT: Duration = Duration::from_secs(10);
const IO_TIMEOUT: Duration = Duration::from_secs(5);
/// A request is a token and a path: anything longer is not one.
const REQUEST_LIMIT: u64 = 64 * 1024;

/// What a launch hands to the running instance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// A document to open (absolute), or none: show the running app.
    pub document: Option<PathBuf>,
}

impl Request {
    /// The request for a document named on the command line, made absolute: the running
    /// instance may have another working folder.
    pub fn for_document(document: Option<&Path>) -> Request {
        Request {
            document: document.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Address {
    port: u16,
    token: String,
}

#[derive(Serialize, Deserialize)]
struct Wire {
    token: String,
    #[serde(flatten)]
    request: Request,
}

/// What a launch is: the one running instance, or a second launch whose request was delivered.
pub enum Claim {
    Primary(Primary),
    /// The running instance took the request: this process has nothing left to do.
    HandedOff,
}

/// The running instance: holds the lock while it lives and answers second launches.
pub struct Primary {
    lock: File,
    listener: TcpListener,
    token: String,
    address: PathBuf,
}

/// What the running instance leaves in the data folder, for it to take away as it quits.
pub struct Leaving {
    address: PathBuf,
    token: String,
}

impl Leaving {
    /// Removes the address file, unless another instance has written its own there since. The
    /// lock file stays: it is empty, and the lock on it goes with the process. Removing a file
    /// another launch may have opened to lock would let a third launch lock a new one and run
    /// beside it.
    pub fn tidy(&self) {
        let ours = std::fs::read(&self.address)
            .ok()
            .and_then(|b| serde_json::from_slice::<Address>(&b).ok())
            .is_some_and(|a| a.token == self.token);
        if ours {
            let _ = std::fs::remove_file(&self.address);
        }
    }
}

/// Why neither was possible (the folder cannot be written, or a running instance did not answer).
#[derive(Debug)]
pub struct ClaimError(pub String);

impl std::fmt::Display for ClaimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Becomes the running instance for `dir`, or hands `request` to the one that is.
pub fn claim(dir: &Path, request: &Request) -> Result<Claim, ClaimError> {
    let fail = |what: &str, e: std::io::Error| ClaimError(format!("{what}: {e}"));
    std::fs::create_dir_all(dir).map_err(|e| fail(&dir.display().to_string(), e))?;
    let lock_path = dir.join(LOCK_FILE);
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| fail(&lock_path.display().to_string(), e))?;
    match lock.try_lock() {
        Ok(()) => Primary::start(dir, lock).map(Claim::Primary),
        Err(std::fs::TryLockError::WouldBlock) => hand_off(dir, request).map(|()| Claim::HandedOff),
        Err(std::fs::TryLockError::Error(e)) => Err(fail(&lock_path.display().to_string(), e)),
    }
}

/// What `run()` does with [`claim`]: the running instance (`Some`), or this process ends (exit
/// code 0) once the one running took the request. When neither works (a folder that cannot be
/// written) the app runs on its own (`None`), as it did before single instances, saying why.
pub fn claim_or_hand_over(dir: &Path, request: &Request) -> Option<Primary> {
    match claim(dir, request) {
        Ok(Claim::Primary(p)) => Some(p),
        Ok(Claim::HandedOff) => std::process::exit(0),
        Err(e) => {
            eprintln!("topograph: {e}; starting without handing over to a running instance");
            None
        }
    }
}

impl Primary {
    fn start(dir: &Path, lock: File) -> Result<Primary, ClaimError> {
        let fail = |e: std::io::Error| ClaimError(format!("listening for second launches: {e}"));
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(fail)?;
        let port = listener.local_addr().map_err(fail)?.port();
        let token = token();
        let json = serde_json::to_vec(&Address {
            port,
            token: token.clone(),
        })
        .expect("an address serialises");
        let address = dir.join(ADDRESS_FILE);
        write_private(&address, &json).map_err(fail)?;
        Ok(Primary {
            lock,
            listener,
            token,
            address,
        })
    }

    /// Answers second launches on a thread of its own for as long as the process runs, calling
    /// `on_request` with each request whose token is right. Call [`Leaving::tidy`] as the app quits.
    pub fn serve(self, on_request: impl Fn(Request) + Send + 'static) -> Leaving {
        let Primary {
            lock,
            listener,
            token,
            address,
        } = self;
        let leaving = Leaving {
            address,
            token: token.clone(),
        };
        std::thread::spawn(move || {
            // Moved in by name (a closure captures only the fields it uses), so the lock is held
            // as long as the thread, which is as long as the process.
            let _held = lock;
            for stream in listener.incoming().flatten() {
                if let Some(request) = read_request(stream, &token) {
                    on_request(request);
                }
            }
        });
        leaving
    }
}

fn read_request(mut stream: TcpStream, token: &str) -> Option<Request> {
    stream.set_read_timeout(Some(IO_TIMEOUT)).ok()?;
    stream.set_write_timeout(Some(IO_TIMEOUT)).ok()?;
    let mut line = String::new();
    BufReader::new((&stream).take(REQUEST_LIMIT))
        .read_line(&mut line)
        .ok()?;
    let wire: Wire = serde_json::from_str(line.trim_end()).ok()?;
    if wire.token != token {
        return None;
    }
    // The launch waits for this before it exits, so the request is never lost with it.
    stream.write_all(b"ok\n").ok()?;
    Some(wire.request)
}

fn hand_off(dir: &Path, request: &Request) -> Result<(), ClaimError> {
    let started = Instant::now();
    let mut last = String::from("the running instance has not written its address yet");
    // The running instance may hold the lock a moment before it listens: try until it answers.
    while started.elapsed() < HANDOFF_WAIT {
        match try_hand_off(dir, request) {
            Ok(()) => return Ok(()),
            Err(e) => last = e,
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(ClaimError(format!(
        "Topograph is running but did not take the request ({}): {last}",
        dir.join(ADDRESS_FILE).display()
    )))
}

fn try_hand_off(dir: &Path, request: &Request) -> Result<(), String> {
    let bytes = std::fs::read(dir.join(ADDRESS_FILE)).map_err(|e| e.to_string())?;
    let address: Address = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    let to = SocketAddr::from((Ipv4Addr::LOCALHOST, address.port));
    let mut stream = TcpStream::connect_timeout(&to, IO_TIMEOUT).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(IO_TIMEOUT))
        .map_err(|e| e.to_string())?;
    let mut line = serde_json::to_vec(&Wire {
        token: address.token,
        request: request.clone(),
    })
    .expect("a request serialises");
    line.push(b'\n');
    stream.write_all(&line).map_err(|e| e.to_string())?;
    let mut answer = String::new();
    BufReader::new(stream)
        .read_line(&mut answer)
        .map_err(|e| e.to_string())?;
    if answer.trim_end() == "ok" {
        Ok(())
    } else {
        Err("the running instance refused the request".into())
    }
}

/// 128 random bits as hex, from the standard library's randomly keyed hasher (seeded by the OS).
fn token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let part = |n: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(n);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.finish()
    };
    format!("{:016x}{:016x}", part(std::process::id().into()), part(1))
}

/// Writes `bytes` readable by this user only (on Unix; a Windows profile folder is private
/// already), through a temporary file so a reader never sees half of it.
fn write_private(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = file.with_extension("json.tmp");
    let mut options = File::options();
    options.create(true).truncate(true).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(&tmp)?.write_all(bytes)?;
    std::fs::rename(&tmp, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_named_relative_to_this_launch_is_handed_over_as_an_absolute_path() {
        let r = Request::for_document(Some(Path::new("org.topo")));
        let doc = r.document.unwrap();
        assert!(doc.is_absolute());
        assert_eq!(doc, std::env::current_dir().unwrap().join("org.topo"));
        assert_eq!(Request::for_document(None).document, None);
    }
    use std::sync::mpsc;

    fn primary(dir: &Path) -> Primary {
        match claim(dir, &Request { document: None }) {
            Ok(Claim::Primary(p)) => p,
            Ok(Claim::HandedOff) => panic!("the first launch handed off"),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_launch_that_cannot_claim_its_folder_runs_on_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a file");
        std::fs::write(&file, "").unwrap();
        let bare = Request { document: None };
        assert!(claim_or_hand_over(&file.join("data"), &bare).is_none());
        assert!(claim_or_hand_over(dir.path(), &bare).is_some());
    }

    #[test]
    fn a_second_launch_hands_its_document_to_the_running_instance() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = mpsc::channel();
        primary(dir.path()).serve(move |r| tx.send(r).unwrap());
        let request = Request {
            document: Some(dir.path().join("Plan.topo")),
        };
        assert!(matches!(claim(dir.path(), &request), Ok(Claim::HandedOff)));
        assert_eq!(rx.recv_timeout(IO_TIMEOUT).unwrap(), request);
        let bare = Request { document: None };
        assert!(matches!(claim(dir.path(), &bare), Ok(Claim::HandedOff)));
        assert_eq!(rx.recv_timeout(IO_TIMEOUT).unwrap(), bare);
    }

    #[test]
    fn a_request_without_the_token_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = mpsc::channel();
        let p = primary(dir.path());
        let port = p.listener.local_addr().unwrap().port();
        p.serve(move |r| tx.send(r).unwrap());
        let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        s.write_all(b"{\"token\":\"guess\",\"document\":\"/etc/passwd\"}\n")
            .unwrap();
        let mut answer = String::new();
        let _ = BufReader::new(s).read_line(&mut answer);
        assert_eq!(answer, "");
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
    }

    #[test]
    fn a_quitting_instance_takes_its_address_away_but_not_another_instances() {
        let dir = tempfile::tempdir().unwrap();
        let leaving = primary(dir.path()).serve(drop);
        let address = dir.path().join(ADDRESS_FILE);
        assert!(address.exists());
        leaving.tidy();
        assert!(!address.exists());
        // An address written by a later instance stays.
        let later = dir.path().join("later");
        let other = primary(&later).serve(drop);
        std::fs::copy(later.join(ADDRESS_FILE), &address).unwrap();
        leaving.tidy();
        assert!(address.exists());
        other.tidy();
    }

    #[test]
    fn the_lock_is_free_again_once_the_running_instance_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        drop(primary(dir.path()));
        drop(primary(dir.path()));
    }

    #[cfg(unix)]
    #[test]
    fn only_this_user_can_read_the_address() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let _p = primary(dir.path());
        let mode = std::fs::metadata(dir.path().join(ADDRESS_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0);
    }
}
