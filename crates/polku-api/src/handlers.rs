//! One function per command, named as the command. Each takes the host and the request and
//! answers with the response or a typed error; none of them knows which transport called it.

use polku_core::{validate_title, History, Id, Workshop, WorkshopSummary};
use polku_store::Envelope;

pub(crate) use crate::backups::{backup_workshops, list_backups, make_backup, open_backup_workshop, restore_from_backup, restore_library};
pub(crate) use crate::library::library_status;
pub(crate) use crate::deleted::{erase_workshop, list_deleted_workshops, restore_workshop};
pub(crate) use crate::join::{
    answer_join, bring_everyone, close_join, extend_join, follow_board, join_addresses, join_status, open_join, participant_add_note, participant_delete_note, participant_update_note,
    participant_view, participant_vote, remove_device, renew_join_code, set_join_boards, set_note_names,
};
pub(crate) use crate::sharing::{share_workshop, workshop_sharing};
pub(crate) use crate::votes::{cast_vote, vote_turn};
pub(crate) use crate::templates::{delete_template, import_template, list_templates, save_template};
use crate::*;

pub(crate) fn list_workshops(host: &Host, _: ListWorkshopsRequest) -> Result<Vec<WorkshopSummary>, ApiError> {
    Ok(host.store()?.list_workshops()?)
}

/// What a new workshop starts from when the request names no template.
const DEFAULT_TEMPLATE: &str = "service-path";

pub(crate) fn create_workshop(host: &Host, req: CreateWorkshopRequest) -> Result<WorkshopSummary, ApiError> {
    validate_title(&req.title)?;
    let id = req.template.as_deref().unwrap_or(DEFAULT_TEMPLATE);
    let summary = {
        let mut store = host.store()?;
        let template = crate::templates::find(&**store, id)?;
        let w = template.instantiate(req.title.trim(), req.language, host.now(), &mut Id::now_v7);
        store.insert_workshop(&w)?;
        store.workshop_summary(w.id)?
    };
    host.emit(Event::LibraryChanged);
    Ok(summary)
}

pub(crate) fn rename_workshop(host: &Host, req: RenameWorkshopRequest) -> Result<WorkshopSummary, ApiError> {
    let summary = host.store()?.rename_workshop(req.id, req.title.trim(), host.now())?;
    host.emit(Event::LibraryChanged);
    Ok(summary)
}

/// Moves the workshop to "Recently deleted" (`restore_workshop` brings it back). Its join closes:
/// nobody may write to a workshop that is gone from the list.
pub(crate) fn delete_workshop(host: &Host, req: DeleteWorkshopRequest) -> Result<(), ApiError> {
    host.store()?.delete_workshop(req.id, host.now())?;
    host.close_join_of(req.id);
    host.emit(Event::LibraryChanged);
    Ok(())
}

/// Opens a workshop file someone sent: checked whole before anything is written; a workshop that
/// is here already comes in as a marked copy (and a dry run says so first).
pub(crate) fn import_workshop(host: &Host, req: ImportWorkshopRequest) -> Result<ImportedWorkshop, ApiError> {
    if req.dry_run {
        let w = polku_export::workshop_file::read(req.file.as_bytes())?;
        let copy = host.store()?.ids_taken(&w)?;
        return Ok(ImportedWorkshop { id: w.id, title: w.title.clone(), notes: w.notes().count() as i64, copy });
    }
    let done = host.import_workshop(req.file.as_bytes())?;
    let s = done.summary;
    Ok(ImportedWorkshop { id: s.id, title: s.title, notes: s.notes, copy: done.renumbered })
}

pub(crate) fn open_workshop(host: &Host, req: OpenWorkshopRequest) -> Result<Workshop, ApiError> {
    Ok(host.store()?.load_workshop(req.id)?)
}

pub(crate) fn apply_op(host: &Host, req: ApplyOpRequest) -> Result<OpResult, ApiError> {
    let env = Envelope { workshop_id: req.workshop_id, op_id: req.op_id, client_id: req.client_id, undo: req.undo, op: req.op };
    let applied = host.store()?.apply(&env, host.now())?;
    Ok(announce(host, applied))
}

pub(crate) fn undo(host: &Host, req: StepRequest) -> Result<OpResult, ApiError> {
    let applied = host.store()?.undo(req.workshop_id, &req.client_id, req.op_id, host.now())?;
    Ok(announce(host, applied))
}

pub(crate) fn redo(host: &Host, req: StepRequest) -> Result<OpResult, ApiError> {
    let applied = host.store()?.redo(req.workshop_id, &req.client_id, req.op_id, host.now())?;
    Ok(announce(host, applied))
}

pub(crate) fn history(host: &Host, req: HistoryRequest) -> Result<History, ApiError> {
    Ok(host.store()?.history(req.workshop_id, &req.client_id)?)
}

pub(crate) fn server_clock(host: &Host, _: ServerClockRequest) -> Result<ServerClock, ApiError> {
    Ok(ServerClock { now: host.now() })
}

/// Tells every client about a committed change (a retried op was announced the first time).
pub(crate) fn announce(host: &Host, a: polku_store::Applied) -> OpResult {
    if !a.replayed {
        host.emit(Event::Changed {
            workshop_id: a.workshop_id,
            seq: a.seq,
            op_id: a.op_id,
            client_id: a.client_id.clone(),
            changes: a.changes.clone(),
        });
    }
    OpResult { seq: a.seq, op_id: a.op_id, changes: a.changes, history: a.history }
}

fn check_pdf(opts: &polku_export::PdfOptions) -> Result<(), ApiError> {
    opts.check().map_err(|(field, message)| ApiError::with_field(ErrorCode::Validation, message, field))
}

pub(crate) fn preview_export(host: &Host, req: PreviewExportRequest) -> Result<ExportPreview, ApiError> {
    check_pdf(&req.pdf)?;
    let w = host.store()?.load_workshop(req.workshop_id)?;
    let (pages, tiled) = polku_export::pdf::preview(&w, &req.pdf, host.now()).map_err(crate::exports::export_error)?;
    Ok(ExportPreview { pages: pages as u32, tiled })
}

pub(crate) fn preview_handout(host: &Host, req: PreviewHandoutRequest) -> Result<ExportPreview, ApiError> {
    let w = host.store()?.load_workshop(req.workshop_id)?;
    let pages = polku_export::pdf::handout::page_count(&w, &req.handout, host.now()).map_err(crate::exports::export_error)?;
    Ok(ExportPreview { pages: pages as u32, tiled: Vec::new() })
}

pub(crate) fn start_export(host: &Host, req: StartExportRequest) -> Result<ExportJob, ApiError> {
    if let Some(opts) = &req.pdf {
        check_pdf(opts)?;
    }
    let w = host.store()?.load_workshop(req.workshop_id)?;
    if req.format == ExportFormat::Handout {
        // Told now rather than as a failed job: the dialog can say which choice is wrong.
        let Some(h) = &req.handout else {
            return Err(ApiError::with_field(ErrorCode::Validation, "a handout needs `handout`: what it is of", "handout"));
        };
        polku_export::pdf::handout::subject(&w, h).map_err(crate::exports::export_error)?;
    }
    let (job_id, file_name) = host.exports().start(w, req.format, req.pdf, req.handout, host.now());
    Ok(ExportJob { job_id, file_name })
}

pub(crate) fn export_status(host: &Host, req: ExportJobRequest) -> Result<ExportStatus, ApiError> {
    host.exports().status(req.job_id)
}

pub(crate) fn cancel_export(host: &Host, req: ExportJobRequest) -> Result<(), ApiError> {
    host.exports().cancel(req.job_id)
}
