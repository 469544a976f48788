//! The template commands: the built-in templates and the library's own, saved from a board or a
//! workshop, shared as `.polku-template` files and deleted. An own template holds the structure
//! only (see `polku_core::own_template`), so a file can go to another team without a word about
//! the people who took part.

use polku_store::Library;
use std::sync::Arc;

use polku_core::own_template::{self, is_own_id, own_id, MAX_TEMPLATE_BYTES, TEMPLATE_FILE_EXTENSION};
use polku_core::template::{built_in, built_ins, label, Template, TemplateSummary};
use polku_core::{validate_title, Id, Language, OpError};

use crate::*;

pub(crate) fn list_templates(host: &Host, _req: ListTemplatesRequest) -> Result<Vec<TemplateSummary>, ApiError> {
    let own = host.store()?.list_templates()?;
    Ok(built_ins().iter().chain(&own).map(Template::summary).collect())
}

/// A template by id: built in, or the library's own.
pub(crate) fn find(store: &dyn Library, id: &str) -> Result<Template, ApiError> {
    if let Some(t) = built_in(id) {
        return Ok(t);
    }
    match is_own_id(id) {
        true => Ok(store.own_template(id)?),
        false => Err(OpError::invalid("template", format!("there is no template {:?}", id.chars().take(64).collect::<String>())).into()),
    }
}

pub(crate) fn save_template(host: &Host, req: SaveTemplateRequest) -> Result<TemplateSummary, ApiError> {
    let title = req.title.trim();
    validate_title(title)?;
    own_template::check_description(&req.description)?;
    let id = own_id(Id::now_v7());
    let mut store = host.store()?;
    let w = store.load_workshop(req.workshop_id)?;
    let t = match req.board_id {
        Some(b) => {
            let board = w.board(b).ok_or(OpError::NotFound { entity: "board", id: b })?;
            Template::from_board(board, &id, title, &req.description)
        }
        None => Template::from_workshop(&w, &id, title, &req.description),
    };
    // Made from records the core already checked, so only a limit a template adds can refuse it.
    own_template::check(&t).map_err(|message| ApiError::with_field(ErrorCode::Validation, message, "template"))?;
    if t.to_json().len() > MAX_TEMPLATE_BYTES {
        let message = format!("the template would be over {MAX_TEMPLATE_BYTES} bytes");
        return Err(ApiError::with_field(ErrorCode::TooLarge, message, "template"));
    }
    store.save_template(&t, host.now())?;
    drop(store);
    host.emit(Event::TemplatesChanged);
    Ok(t.summary())
}

/// Adds a shared template file to the library, checked whole first. It keeps its id unless that
/// is taken here (or is not an own template's), then it gets a new one.
pub(crate) fn import_template(host: &Host, req: ImportTemplateRequest) -> Result<TemplateSummary, ApiError> {
    let mut t = own_template::read_file(&req.json).map_err(|r| {
        let code = if r.field == "template_size" { ErrorCode::TooLarge } else { ErrorCode::Validation };
        let field = if r.field == "template_version" { "template_version" } else { "template_file" };
        ApiError::with_field(code, r.message, field)
    })?;
    let mut store = host.store()?;
    if !is_own_id(&t.id) || store.template_exists(&t.id)? {
        t.id = own_id(Id::now_v7());
    }
    store.save_template(&t, host.now())?;
    drop(store);
    host.emit(Event::TemplatesChanged);
    Ok(t.summary())
}

pub(crate) fn delete_template(host: &Host, req: DeleteTemplateRequest) -> Result<(), ApiError> {
    if built_in(&req.id).is_some() {
        return Err(OpError::invalid("template", "comes with Polku and cannot be deleted").into());
    }
    host.store()?.delete_template(&req.id)?;
    host.emit(Event::TemplatesChanged);
    Ok(())
}

impl Host {
    /// An own template as its `.polku-template` file, named after its title.
    pub fn template_file(&self, id: &str) -> Result<ExportFile, ApiError> {
        let t = self.store()?.own_template(id)?;
        let file_name = format!("{}.{TEMPLATE_FILE_EXTENSION}", file_stem(&label(&t.title, Language::En)));
        Ok(ExportFile { file_name, mime: "application/json", bytes: Arc::new(t.to_json().into_bytes()) })
    }
}
