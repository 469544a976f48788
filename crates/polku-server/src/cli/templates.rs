//! `polku templates`: the templates a workshop or a board can start from, built in and the
//! library's own, and own templates to and from `.polku-template` files.

use std::path::PathBuf;

use clap::Subcommand;
use polku_api::Host;
use polku_core::template::{label, TemplateKind, TemplateSummary};
use polku_core::Language;

use super::{write_file, DataDir, LanguageArg};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(super) struct TemplatesArgs {
    #[command(subcommand)]
    action: Option<Action>,
    /// Print JSON: [{"id", "title", "kind", "own"}], kind "workshop" or "board", own true for the
    /// library's own templates (listed after the built-in ones)
    #[arg(long)]
    json: bool,
    /// The language of the titles
    #[arg(long, value_enum, default_value = "en")]
    language: LanguageArg,
    #[command(flatten)]
    data: DataDir,
}

#[derive(Subcommand)]
enum Action {
    /// Write one of the library's own templates to a .polku-template file, to share it
    Export {
        /// The template's id (see `polku templates`)
        id: String,
        /// The file to write
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        data: DataDir,
    },
    /// Add the template in a .polku-template file to the library
    Import {
        file: PathBuf,
        #[command(flatten)]
        data: DataDir,
    },
}

pub(super) fn run(args: TemplatesArgs) -> Result<(), String> {
    match args.action {
        None => list(&args.data.open()?, args.json, args.language.core()),
        Some(Action::Export { id, output, data }) => {
            let file = data.open()?.template_file(&id).map_err(|e| format!("cannot export the template: {}", e.message))?;
            write_file(&output, &file.bytes)?;
            eprintln!("Wrote {} ({} bytes)", output.display(), file.bytes.len());
            Ok(())
        }
        Some(Action::Import { file, data }) => {
            let refused = |why: String| format!("cannot import {}: {why}", file.display());
            let bytes = std::fs::read(&file).map_err(|e| refused(e.to_string()))?;
            let json = String::from_utf8(bytes).map_err(|_| refused("the file is not UTF-8 text".into()))?;
            let made = data.open()?.call("import_template", serde_json::json!({ "json": json })).map_err(|e| refused(e.message))?;
            let t: TemplateSummary = serde_json::from_value(made).map_err(|e| e.to_string())?;
            println!("Imported the template \"{}\" as {}", label(&t.title, Language::En), t.id);
            Ok(())
        }
    }
}

fn list(host: &Host, json: bool, lang: Language) -> Result<(), String> {
    let list: Vec<TemplateSummary> =
        serde_json::from_value(host.call("list_templates", serde_json::json!({})).map_err(|e| e.message)?).map_err(|e| e.to_string())?;
    if json {
        let rows: Vec<_> =
            list.iter().map(|t| serde_json::json!({ "id": t.id, "title": label(&t.title, lang), "kind": t.kind, "own": t.own })).collect();
        println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
        return Ok(());
    }
    for t in list {
        let kind = match t.kind {
            TemplateKind::Workshop => "workshop",
            TemplateKind::Board => "board",
        };
        let source = if t.own { "own" } else { "built-in" };
        println!("{:<40} {kind:<9} {source:<9} {} — {}", t.id, label(&t.title, lang), label(&t.description, lang));
    }
    Ok(())
}
