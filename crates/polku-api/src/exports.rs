//! Exports run as jobs: a PDF of a large workshop takes a while, so the client starts one, polls
//! its progress, may cancel it, and then fetches the file (a browser download from the HTTP
//! server, a native save dialog on the desktop). The snapshot is read under the store lock and
//! rendered on a thread of its own, so editing goes on meanwhile.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use polku_core::{Id, Millis, Workshop};
use polku_export::{pdf, table, workshop_file, ExportError, HandoutOptions, PdfOptions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, ErrorCode};

/// Finished files kept for fetching; older ones are dropped first.
const KEEP_JOBS: usize = 8;
/// A finished file is kept this long for a download that failed to be retried.
const KEEP_MS: Millis = 30 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Pdf,
    Csv,
    Xlsx,
    Polku,
    /// A blank handout (a PDF): a board's structure or a session's agenda, to fill in on paper.
    Handout,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf | ExportFormat::Handout => "pdf",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Polku => "polku",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Pdf | ExportFormat::Handout => "application/pdf",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ExportFormat::Polku => "application/json",
        }
    }
}

/// Where a job stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ExportStatus {
    Running { done: u32, total: u32 },
    Ready { file_name: String, bytes: u32 },
    Failed { error: ApiError },
    Cancelled,
}

/// A finished file, for the transport to hand over.
pub struct ExportFile {
    pub file_name: String,
    pub mime: &'static str,
    pub bytes: Arc<Vec<u8>>,
}

/// Where the job stands, and its file once it has one.
type JobState = (ExportStatus, Option<Arc<Vec<u8>>>);

struct Job {
    /// Whose the file is: on a team server only those who may use the workshop reach the job.
    workshop: Id,
    format: ExportFormat,
    file_name: String,
    started: Millis,
    cancel: Arc<AtomicBool>,
    state: Arc<Mutex<JobState>>,
}

#[derive(Default)]
pub(crate) struct Exports {
    jobs: Mutex<HashMap<Id, Job>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panicking export thread leaves a status behind, never a half-written one that matters.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Exports {
    /// `handout` must be given for a handout (and name something in `w`: the handler checks).
    pub(crate) fn start(&self, w: Workshop, format: ExportFormat, opts: Option<PdfOptions>, handout: Option<HandoutOptions>, now: Millis) -> (Id, String) {
        let id = Id::now_v7();
        let title = match handout.as_ref().map(|h| pdf::handout::subject(&w, h)) {
            Some(Ok(subject)) if format == ExportFormat::Handout => format!("{} - {subject}", w.title),
            _ => w.title.clone(),
        };
        let file_name = file_name(&title, now, format);
        let cancel = Arc::new(AtomicBool::new(false));
        let state = Arc::new(Mutex::new((ExportStatus::Running { done: 0, total: 1 }, None)));
        {
            let mut jobs = lock(&self.jobs);
            forget_old(&mut jobs, now);
            jobs.insert(id, Job { workshop: w.id, format, file_name: file_name.clone(), started: now, cancel: cancel.clone(), state: state.clone() });
        }
        let ready_name = file_name.clone();
        std::thread::spawn(move || {
            let progress_state = state.clone();
            let mut progress = |done: usize, total: usize| {
                lock(&progress_state).0 = ExportStatus::Running { done: done as u32, total: total.max(1) as u32 };
                !cancel.load(Ordering::Relaxed)
            };
            let result = match format {
                ExportFormat::Pdf => pdf::render(&w, &opts.unwrap_or_default(), now, &mut progress),
                ExportFormat::Csv => Ok(table::csv(&w)),
                ExportFormat::Xlsx => table::xlsx(&w),
                ExportFormat::Polku => Ok(workshop_file::write(&w, now)),
                ExportFormat::Handout => match &handout {
                    Some(h) => pdf::handout::render(&w, h, now),
                    None => Err(ExportError::Invalid { field: "handout", message: "say what the handout is of".into() }),
                },
            };
            let mut s = lock(&state);
            *s = match result {
                Ok(bytes) => (ExportStatus::Ready { file_name: ready_name, bytes: bytes.len() as u32 }, Some(Arc::new(bytes))),
                Err(ExportError::Cancelled) => (ExportStatus::Cancelled, None),
                Err(e) => (ExportStatus::Failed { error: export_error(e) }, None),
            };
        });
        (id, file_name)
    }

    /// The workshop a job exports; None for no such job.
    pub(crate) fn workshop_of(&self, id: Id) -> Option<Id> {
        lock(&self.jobs).get(&id).map(|j| j.workshop)
    }

    pub(crate) fn status(&self, id: Id) -> Result<ExportStatus, ApiError> {
        let jobs = lock(&self.jobs);
        let job = jobs.get(&id).ok_or_else(|| not_found(id))?;
        let status = lock(&job.state).0.clone();
        Ok(status)
    }

    pub(crate) fn cancel(&self, id: Id) -> Result<(), ApiError> {
        let jobs = lock(&self.jobs);
        let job = jobs.get(&id).ok_or_else(|| not_found(id))?;
        job.cancel.store(true, Ordering::Relaxed);
        Ok(())
    }

    pub(crate) fn file(&self, id: Id) -> Result<ExportFile, ApiError> {
        let jobs = lock(&self.jobs);
        let job = jobs.get(&id).ok_or_else(|| not_found(id))?;
        let state = lock(&job.state);
        match &state.1 {
            Some(bytes) => Ok(ExportFile { file_name: job.file_name.clone(), mime: job.format.mime(), bytes: bytes.clone() }),
            None => Err(ApiError::new(ErrorCode::Conflict, "the export has no file (still running, failed or cancelled)")),
        }
    }
}

fn forget_old(jobs: &mut HashMap<Id, Job>, now: Millis) {
    jobs.retain(|_, j| now - j.started < KEEP_MS);
    while jobs.len() >= KEEP_JOBS {
        let Some(oldest) = jobs.iter().min_by_key(|(_, j)| j.started).map(|(id, _)| *id) else { break };
        if let Some(j) = jobs.remove(&oldest) {
            j.cancel.store(true, Ordering::Relaxed);
        }
    }
}

fn not_found(id: Id) -> ApiError {
    ApiError::new(ErrorCode::NotFound, format!("no export {id} (finished files are kept for 30 minutes)"))
}

pub(crate) fn export_error(e: ExportError) -> ApiError {
    match e {
        ExportError::Invalid { field, message } => {
            ApiError::with_field(ErrorCode::Validation, message, field)
        }
        other => ApiError::internal(other.to_string()),
    }
}

/// `<title>-<yyyy-mm-dd>.<ext>`, with what file systems refuse replaced.
pub fn file_name(title: &str, now: Millis, format: ExportFormat) -> String {
    let t = polku_export::utc(now);
    let date = format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day());
    format!("{}-{date}.{}", file_stem(title), format.extension())
}

/// A title as the start of a file name: what file systems refuse replaced, at most 80
/// characters, "polku" when nothing is left.
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .trim()
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .take(80)
        .collect();
    let stem = stem.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if stem.is_empty() { "polku".into() } else { stem.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_everywhere() {
        let now = 1_795_000_000_000;
        assert_eq!(file_name("Aikuissosiaalityö / kevät", now, ExportFormat::Pdf), "Aikuissosiaalityö - kevät-2026-11-18.pdf");
        assert_eq!(file_name(" .. ", now, ExportFormat::Csv), "polku-2026-11-18.csv");
    }
}
