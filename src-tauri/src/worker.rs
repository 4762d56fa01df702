//! The one way a command runs work off the async runtime: on a blocking worker thread, with one
//! error code, `internal`, when that thread fails (a panic), whatever the work was.

use topograph_model::{Error, ErrorCode, Result};

/// Runs `work` on a worker thread and answers what it answers.
pub async fn worker<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    start(work).await
}

/// Starts `work` on a worker thread at once (so several can run side by side); await its answer.
pub fn start<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> impl std::future::Future<Output = Result<T>> {
    let task = tauri::async_runtime::spawn_blocking(work);
    async move { task.await.map_err(failed)? }
}

/// The error for a worker thread that stopped before answering.
fn failed(e: tauri::Error) -> Error {
    Error::new(
        ErrorCode::Internal,
        format!("Topograph stopped while working on it: {e}"),
    )
}
