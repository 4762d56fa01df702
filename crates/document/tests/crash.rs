//! Killed with SIGKILL at random moments: a writer process streams edits to a document and
//! prints `ack N` after each commit; it is killed, the file reopened and checked. Every
//! acknowledged edit must be there, the edit in flight all or nothing, the file sound
//! (`integrity_check`, `foreign_key_check`, the document's own checks). The same for a file
//! killed while it is being created: afterwards there is no file or a complete one, and a
//! retry works.
//!
//! The writer is this test binary run again (`crash_writer`, ignored unless the harness starts
//! it). `TOPOGRAPH_CRASH_TRIALS` sets the trials per test (50 by default; `tests/bench/crash.sh`
//! runs 1,000).

#![cfg(unix)]

mod common;

use common::*;
use rusqlite::{Connection, OpenFlags};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use topograph_document::Document;
use topograph_model::*;

const ROLE: &str = "TOPOGRAPH_CRASH_ROLE";
const FILE: &str = "TOPOGRAPH_CRASH_FILE";
const CREATED_PEOPLE: usize = 2000;

fn trials() -> usize {
    std::env::var("TOPOGRAPH_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50)
}

/// xorshift64*: enough randomness for kill times, and a seed that can be printed and replayed.
struct Rng(u64);

impl Rng {
    fn seeded() -> Rng {
        let seed = std::env::var("TOPOGRAPH_CRASH_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("crash test seed {seed} (TOPOGRAPH_CRASH_SEED replays it)");
        Rng(seed)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

/// The edit numbered `n`: a batch that creates a person and a team they lead, so a torn
/// commit would show as one without the other.
fn edit(doc: &mut Document, n: u64) -> Result<()> {
    let id = doc.reserve_ids(2)?;
    let mut p = person(&format!("edit-{n}"));
    p.id = PersonId(id);
    let mut u = unit(&format!("team-{n}"), UnitKind::StreamAligned);
    u.id = UnitId(id + 1);
    u.lead = Some(PersonId(id));
    doc.apply(Op::Batch {
        label: format!("edit {n}"),
        ops: vec![
            Op::CreatePerson { person: p },
            Op::CreateUnit { unit: u },
            Op::SetMembership {
                person: PersonId(id),
                unit: UnitId(id + 1),
                allocation: 100,
                role: TeamRole::Engineer,
            },
        ],
    })?;
    Ok(())
}

/// The writer: what runs in the process that gets killed.
#[test]
#[ignore = "the crash harness runs this in a child process"]
fn crash_writer() {
    let (Ok(role), Ok(file)) = (std::env::var(ROLE), std::env::var(FILE)) else {
        return;
    };
    let path = PathBuf::from(file);
    let out = std::io::stdout();
    match role.as_str() {
        "edit" => {
            let mut doc = Document::open(&path).unwrap();
            for n in 1.. {
                edit(&mut doc, n).unwrap();
                let mut o = out.lock();
                writeln!(o, "ack {n}").unwrap();
                o.flush().unwrap();
            }
        }
        "create" => {
            let org = topograph_sample::generate(CREATED_PEOPLE, 5);
            Document::create_with(&path, "Current", &org).unwrap();
            let mut o = out.lock();
            writeln!(o, "created").unwrap();
            o.flush().unwrap();
        }
        other => panic!("unknown role {other}"),
    }
}

fn spawn(role: &str, path: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "crash_writer",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ROLE, role)
        .env(FILE, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Reads the child's lines on a thread: the harness waits on them with a deadline.
fn lines_of(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn kill(child: &mut Child) {
    // SIGKILL: no destructor, no checkpoint, no flush of anything the process still held.
    let _ = child.kill();
    let _ = child.wait();
}

/// The checks every reopened file must pass, through a plain SQLite connection.
fn sound(path: &Path) {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "no row refers to a missing one");
}

fn named(org: &Org, name: &str) -> Option<PersonId> {
    org.persons().find(|p| p.name == name).map(|p| p.id)
}

#[test]
fn an_edit_stream_killed_at_random_moments_keeps_every_acknowledged_edit() {
    let mut rng = Rng::seeded();
    let dir = tempfile::tempdir().unwrap();
    let mut kills_mid_stream = 0;
    for trial in 0..trials() {
        let path = dir.path().join(format!("trial-{trial}.topo"));
        drop(Document::create_with(&path, "Current", &topograph_sample::sample()).unwrap());
        let mut child = spawn("edit", &path);
        let lines = lines_of(&mut child);
        // Kill after a random number of acknowledgements, a random few hundred microseconds
        // into the next edit, so kills land before, inside and after commits.
        let wanted = 1 + rng.below(20);
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut acked = 0u64;
        while acked < wanted {
            let line = lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .expect("the writer acknowledges edits");
            acked = line
                .strip_prefix("ack ")
                .and_then(|n| n.parse().ok())
                .unwrap_or(acked);
        }
        std::thread::sleep(Duration::from_micros(rng.below(1500)));
        kill(&mut child);
        // Everything printed before the kill is in the pipe.
        while let Ok(line) = lines.recv_timeout(Duration::from_secs(5)) {
            acked = line
                .strip_prefix("ack ")
                .and_then(|n| n.parse().ok())
                .unwrap_or(acked);
        }

        let doc = Document::open(&path)
            .unwrap_or_else(|e| panic!("trial {trial}: the file opens after the kill: {e}"));
        let org = doc.org();
        for n in 1..=acked {
            let p = named(org, &format!("edit-{n}"))
                .unwrap_or_else(|| panic!("trial {trial}: acknowledged edit {n} is there"));
            let team = org.units().find(|u| u.name == format!("team-{n}")).unwrap();
            assert_eq!(team.lead, Some(p));
            assert!(org.membership(p, team.id).is_some());
        }
        let next = acked + 1;
        let person = named(org, &format!("edit-{next}"));
        let team = org.units().find(|u| u.name == format!("team-{next}"));
        assert_eq!(
            person.is_some(),
            team.is_some(),
            "trial {trial}: the edit in flight is all or nothing"
        );
        if person.is_some() {
            kills_mid_stream += 1;
        }
        assert!(
            named(org, &format!("edit-{}", next + 1)).is_none(),
            "trial {trial}: nothing after the edit in flight"
        );
        assert!(doc.history().unwrap().undo.is_some());
        drop(doc);
        sound(&path);
    }
    eprintln!(
        "{} trials; in {kills_mid_stream} the edit in flight had committed before its acknowledgement was printed",
        trials()
    );
}

#[test]
fn a_file_killed_while_it_is_created_is_absent_or_complete_and_a_retry_works() {
    let mut rng = Rng::seeded();
    let dir = tempfile::tempdir().unwrap();
    // How long a creation takes here, to spread the kills over it.
    let timing = dir.path().join("timing.topo");
    let started = Instant::now();
    let mut child = spawn("create", &timing);
    assert!(child.wait().unwrap().success());
    let took = started.elapsed().as_micros() as u64;
    let (mut absent, mut complete) = (0, 0);
    for trial in 0..trials() {
        let path = dir.path().join(format!("new-{trial}.topo"));
        let mut child = spawn("create", &path);
        std::thread::sleep(Duration::from_micros(rng.below(took + took / 5)));
        kill(&mut child);
        if path.exists() {
            let doc = Document::open(&path)
                .unwrap_or_else(|e| panic!("trial {trial}: a file that exists is whole: {e}"));
            assert_eq!(doc.org().persons().len(), CREATED_PEOPLE);
            drop(doc);
            sound(&path);
            complete += 1;
        } else {
            let org = topograph_sample::generate(50, 1);
            let doc = Document::create_with(&path, "Current", &org)
                .unwrap_or_else(|e| panic!("trial {trial}: a retry is not blocked: {e}"));
            assert_eq!(doc.org().persons().len(), 50);
            absent += 1;
        }
    }
    // What the killed creations left under temporary names goes at the next creation there.
    drop(Document::create(&dir.path().join("after.topo")).unwrap());
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".creating"))
        .collect();
    assert_eq!(left, Vec::<String>::new(), "no temporary file is left");
    eprintln!(
        "{} kills during creation: {absent} left no file, {complete} a complete one",
        trials()
    );
}
