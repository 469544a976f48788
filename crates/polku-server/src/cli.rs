use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use polku_api::{ExportFormat, ExportJob, ExportStatus, Host};
use polku_export::{HandoutOf, HandoutOptions, Orientation, Paper, PdfContents, PdfOptions, PosterFit};
use polku_core::{Id, Language, Millis, Workshop};
use polku_store::{default_data_dir, DATA_DIR_ENV};

mod backups;
mod deleted;
mod facilitators;
mod migrate;
mod serve;
mod templates;

#[derive(Parser)]
#[command(name = "polku", version, about = "Polku: service journey workshops. The library from the command line.")]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
pub(crate) struct DataDir {
    /// The library folder [default: the platform's app-data folder]
    #[arg(long, env = DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// A team library on PostgreSQL instead of a folder: postgres://USER:PASSWORD@HOST:PORT/DB
    /// (from the environment, the password stays out of the process list)
    #[arg(long, env = DATABASE_ENV, value_name = "URL", conflicts_with = "data_dir")]
    pub(crate) database: Option<String>,
}

/// Where `--database` is read from when it is not given.
pub const DATABASE_ENV: &str = "POLKU_DATABASE";

impl DataDir {
    pub(crate) fn open(&self) -> Result<Host, String> {
        if let Some(url) = &self.database {
            return Host::team(url).map_err(|e| e.to_string());
        }
        let dir = self.data_dir.clone().unwrap_or_else(default_data_dir);
        Host::open(&dir).map_err(|e| e.to_string())
    }
}

#[derive(Subcommand)]
enum Command {
    /// Serve the UI and the API on 127.0.0.1 for a browser
    Serve {
        #[command(flatten)]
        data: DataDir,
        /// The port to listen on (0 picks a free one)
        #[arg(long, default_value_t = 4870)]
        port: u16,
        #[command(flatten)]
        team: serve::TeamArgs,
    },
    /// List the workshops in the library
    List {
        #[command(flatten)]
        data: DataDir,
        /// Print JSON: [{"id", "title", "updated_at", "notes"}]; with --deleted
        /// [{"id", "title", "deleted_at", "notes", "days_left"}]
        #[arg(long)]
        json: bool,
        /// List the recently deleted workshops instead: kept 30 days, then erased for good
        #[arg(long)]
        deleted: bool,
    },
    /// Move a workshop to Recently deleted: kept 30 days, restored with `polku restore ID`
    Delete {
        /// The workshop's id (see `polku list`)
        id: String,
        #[command(flatten)]
        data: DataDir,
    },
    /// Bring a recently deleted workshop back whole; with --backup, a workshop (or the whole
    /// library) from a backup
    Restore {
        /// The workshop's id (see `polku list --deleted`, or `polku backups --show NAME`)
        id: Option<String>,
        /// The backup to restore from (see `polku backups`)
        #[arg(long, value_name = "NAME")]
        backup: Option<String>,
        /// Put the backup's workshop in place of the current one (kept aside in a backup first)
        /// instead of beside it as a copy
        #[arg(long, requires = "backup")]
        replace: bool,
        /// Put the whole library back as the backup holds it (the current one is kept aside first)
        #[arg(long, requires = "backup", conflicts_with = "id")]
        whole_library: bool,
        #[command(flatten)]
        data: DataDir,
    },
    /// List the library's backups, newest first; made after changes (at most every 10 minutes,
    /// POLKU_BACKUP_MINUTES) and on exit, kept: the last 10, one a day for a week, one a week for a month
    Backups {
        /// Make a backup now first
        #[arg(long)]
        now: bool,
        /// List the workshops in this backup instead
        #[arg(long, value_name = "NAME")]
        show: Option<String>,
        /// Print JSON: [{"name", "made_at", "origin", "bytes", "workshops", "notes"}]
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataDir,
    },
    /// Erase a recently deleted workshop for good, from the database file too; cannot be undone
    Erase {
        /// The workshop's id (see `polku list --deleted`)
        id: String,
        #[command(flatten)]
        data: DataDir,
    },
    /// List the templates a workshop or a board can start from; share own ones as files
    Templates(templates::TemplatesArgs),
    /// Copy a library folder into a team library (--from DIR --to postgres://…), or back
    /// (--from-database URL --to-dir DIR); a second run adds nothing twice
    Migrate(migrate::MigrateArgs),
    /// Who may sign in to a team library: add, list, set a password, disable, enable
    Facilitators(facilitators::FacilitatorsArgs),
    /// Create a workshop from a template and print its id
    New {
        /// The template's id, built in or the library's own (see `polku templates`)
        #[arg(long)]
        template: String,
        #[arg(long)]
        title: String,
        /// The language of the template's labels
        #[arg(long, value_enum, default_value = "fi")]
        language: LanguageArg,
        #[command(flatten)]
        data: DataDir,
    },
    /// Write one workshop to a file
    Export {
        /// The workshop's id (see `polku list`)
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Polku)]
        format: Format,
        /// The file to write
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        pdf: PdfArgs,
        #[command(flatten)]
        data: DataDir,
    },
    /// Write a blank handout (PDF) for groups that work on paper first: a board's structure and
    /// labels with no notes, or a session's agenda with room for notes. Without --board or
    /// --session, lists the workshop's boards and sessions to choose from
    Handout {
        /// The workshop's id (see `polku list`)
        id: String,
        /// The board to print blank: its id, or its number in the workshop's order (1 = the first)
        #[arg(long, value_name = "BOARD", conflicts_with = "session")]
        board: Option<String>,
        /// The session whose agenda to print: its id, or its number in the programme (1 = the first)
        #[arg(long, value_name = "SESSION")]
        session: Option<String>,
        /// The file to write
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// The paper (a journey canvas is always A3, as its paper original)
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// [default: landscape for a board, portrait for an agenda]
        #[arg(long, value_enum)]
        orientation: Option<OrientationArg>,
        #[command(flatten)]
        data: DataDir,
    },
    /// Add the workshop in a .polku file to the library
    Import {
        file: PathBuf,
        #[command(flatten)]
        data: DataDir,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The .polku workshop file (docs/workshop-file.md)
    Polku,
    /// The report: cover, board posters, persona cards, walkthroughs, summary
    Pdf,
    /// One row per note; `;` and a BOM for Finnish and Swedish workshops, as Excel expects
    Csv,
    /// Notes, walkthroughs and the summary on three sheets
    Xlsx,
}

impl Format {
    fn api(self) -> ExportFormat {
        match self {
            Format::Polku => ExportFormat::Polku,
            Format::Pdf => ExportFormat::Pdf,
            Format::Csv => ExportFormat::Csv,
            Format::Xlsx => ExportFormat::Xlsx,
        }
    }
}

/// The PDF's choices (ignored for the other formats).
#[derive(clap::Args)]
struct PdfArgs {
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    #[arg(long, value_enum, default_value = "landscape")]
    orientation: OrientationArg,
    /// Each board on one page (the default)
    #[arg(long, conflicts_with = "tile")]
    fit: bool,
    /// Each board at a readable size across pages, with overlap marks to tape them together
    #[arg(long)]
    tile: bool,
    /// The facilitator's name, for the cover
    #[arg(long, default_value = "")]
    facilitator: String,
    /// How many took part, for the cover
    #[arg(long)]
    participants: Option<u32>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LanguageArg {
    Fi,
    Sv,
    En,
}

impl LanguageArg {
    fn core(self) -> Language {
        match self {
            LanguageArg::Fi => Language::Fi,
            LanguageArg::Sv => Language::Sv,
            LanguageArg::En => Language::En,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    A3,
}

#[derive(Clone, Copy, ValueEnum)]
enum OrientationArg {
    Landscape,
    Portrait,
}

impl PaperArg {
    fn core(self) -> Paper {
        match self {
            PaperArg::A4 => Paper::A4,
            PaperArg::A3 => Paper::A3,
        }
    }
}

impl OrientationArg {
    fn core(self) -> Orientation {
        match self {
            OrientationArg::Landscape => Orientation::Landscape,
            OrientationArg::Portrait => Orientation::Portrait,
        }
    }
}

impl PdfArgs {
    fn options(&self) -> PdfOptions {
        PdfOptions {
            paper: self.paper.core(),
            orientation: self.orientation.core(),
            poster: if self.tile { PosterFit::Tile } else { PosterFit::Fit },
            contents: PdfContents::default(),
            facilitator: self.facilitator.clone(),
            participants: self.participants,
        }
    }
}

pub fn run(args: Args) -> Result<(), String> {
    match args.command {
        Command::Serve { data, port, team } => serve::run(data, port, team),
        Command::List { data, json, deleted: false } => list(&data.open()?, json),
        Command::List { data, json, deleted: true } => deleted::list(&data.open()?, json),
        Command::Delete { id, data } => deleted::delete(&data.open()?, &id),
        Command::Restore { id, backup: None, data, .. } => match id {
            Some(id) => deleted::restore(&data.open()?, &id),
            None => Err("say which workshop to restore (see `polku list --deleted`), or --backup NAME".into()),
        },
        Command::Restore { id, backup: Some(name), replace, whole_library, data } => {
            backups::restore(&data.open()?, &name, id.as_deref(), replace, whole_library)
        }
        Command::Backups { now, show, json, data } => backups::list(&data.open()?, json, now, show.as_deref()),
        Command::Erase { id, data } => deleted::erase(&data.open()?, &id),
        Command::Templates(args) => templates::run(args),
        Command::Migrate(args) => migrate::run(args, polku_server::now()),
        Command::Facilitators(args) => facilitators::run(args, polku_server::now()),
        Command::New { template, title, language, data } => {
            let req = serde_json::json!({ "title": title, "language": language.core(), "template": template });
            let made = data.open()?.call("create_workshop", req).map_err(|e| format!("cannot create the workshop: {}", e.message))?;
            println!("{}", made["id"].as_str().unwrap_or_default());
            Ok(())
        }
        Command::Export { id, format, output, pdf, data } => {
            let id = workshop_id(&id)?;
            let opts = matches!(format, Format::Pdf).then(|| pdf.options());
            let req = serde_json::json!({ "workshop_id": id, "format": format.api(), "pdf": opts });
            let bytes = export(&data.open()?, req)?;
            write_file(&output, &bytes)?;
            eprintln!("Wrote {} ({} bytes)", output.display(), bytes.len());
            Ok(())
        }
        Command::Handout { id, board, session, output, paper, orientation, data } => {
            let host = data.open()?;
            let w: Workshop = serde_json::from_value(host.call("open_workshop", serde_json::json!({ "id": workshop_id(&id)? })).map_err(|e| e.message)?)
                .map_err(|e| e.to_string())?;
            let of = match (board, session) {
                (Some(b), _) => HandoutOf::Board { board_id: pick("board", &b, &boards(&w))? },
                (None, Some(s)) => HandoutOf::Session { session_id: pick("session", &s, &sessions(&w))? },
                (None, None) => return Err(format!("say what to print with --board or --session:\n{}", choices(&w))),
            };
            let Some(output) = output else { return Err("say where to write the handout with -o FILE".into()) };
            let handout = HandoutOptions { of, paper: paper.core(), orientation: orientation.map(OrientationArg::core) };
            let req = serde_json::json!({ "workshop_id": w.id, "format": ExportFormat::Handout, "pdf": null, "handout": handout });
            let bytes = export(&host, req)?;
            write_file(&output, &bytes)?;
            eprintln!("Wrote {} ({} bytes)", output.display(), bytes.len());
            Ok(())
        }
        Command::Import { file, data } => {
            let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let host = data.open()?;
            let imported = host.import_workshop(&bytes).map_err(|e| format!("cannot import {}: {}", file.display(), e.message))?;
            let s = imported.summary;
            let copy = if imported.renumbered { " (as a copy: that workshop was already in the library)" } else { "" };
            println!("Imported \"{}\" ({} notes) as {}{copy}", s.title, s.notes, s.id);
            Ok(())
        }
    }
}

fn workshop_id(id: &str) -> Result<Id, String> {
    Id::parse_str(id).map_err(|_| format!("{id:?} is not a workshop id (see `polku list`)"))
}

/// A workshop's boards or sessions in order: (id, title).
type Choices = Vec<(Id, String)>;

fn boards(w: &Workshop) -> Choices {
    let mut boards: Vec<&polku_core::Board> = w.boards.iter().collect();
    boards.sort_by(polku_core::order::by_position);
    boards.iter().map(|b| (b.id, format!("{} ({})", b.title, b.kind.as_str()))).collect()
}

fn sessions(w: &Workshop) -> Choices {
    w.sessions.iter().map(|s| (s.id, s.fields.title.clone())).collect()
}

/// The one of `list` that `given` names: by id, or by its number in the list (1 = the first).
fn pick(what: &str, given: &str, list: &Choices) -> Result<Id, String> {
    let by_number = given.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| list.get(i));
    let by_id = Id::parse_str(given).ok().and_then(|id| list.iter().find(|(x, _)| *x == id));
    by_number.or(by_id).map(|(id, _)| *id).ok_or_else(|| {
        format!("this workshop has no {what} {given:?}; its {what}s are:\n{}", numbered(list).trim_end())
    })
}

fn choices(w: &Workshop) -> String {
    let text = format!("boards (--board):\n{}sessions (--session):\n{}", numbered(&boards(w)), numbered(&sessions(w)));
    text.trim_end().to_string()
}

fn numbered(list: &Choices) -> String {
    if list.is_empty() {
        return "  (none)\n".into();
    }
    list.iter().enumerate().map(|(i, (id, title))| format!("  {:>2}  {id}  {title}\n", i + 1)).collect()
}

/// Runs an export job (a `start_export` request) to its end, as the app does, and returns the file.
fn export(host: &Host, req: serde_json::Value) -> Result<Vec<u8>, String> {
    let job: ExportJob = serde_json::from_value(host.call("start_export", req).map_err(|e| e.message)?).map_err(|e| e.to_string())?;
    loop {
        let status = host.call("export_status", serde_json::json!({ "job_id": job.job_id })).map_err(|e| e.message)?;
        match serde_json::from_value(status).map_err(|e| e.to_string())? {
            ExportStatus::Running { .. } => std::thread::sleep(std::time::Duration::from_millis(20)),
            ExportStatus::Ready { .. } => return host.export_file(job.job_id).map(|f| f.bytes.to_vec()).map_err(|e| e.message),
            ExportStatus::Failed { error } => return Err(error.message),
            ExportStatus::Cancelled => return Err("the export was cancelled".into()),
        }
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    polku_export::write_file(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn rfc3339(ms: Millis) -> String {
    polku_export::utc(ms).format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

fn list(host: &Host, json: bool) -> Result<(), String> {
    let list: Vec<polku_core::WorkshopSummary> = serde_json::from_value(
        host.call("list_workshops", serde_json::json!({})).map_err(|e| e.message)?,
    )
    .map_err(|e| e.to_string())?;
    if json {
        let rows: Vec<_> = list
            .iter()
            .map(|w| serde_json::json!({ "id": w.id, "title": w.title, "updated_at": rfc3339(w.updated_at), "notes": w.notes }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
        return Ok(());
    }
    if list.is_empty() {
        println!("No workshops yet. Create one in the app, or `polku import FILE`.");
    }
    for w in list {
        println!("{}  {}  {:>5} notes  {}", w.id, rfc3339(w.updated_at), w.notes, w.title);
    }
    Ok(())
}

