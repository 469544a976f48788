//! `polku migrate --from DIR --to postgres://…`: a laptop's library into a team server, or a team
//! library into a folder (`--from-database URL --to-dir DIR`). Workshops go whole with their ids,
//! so running it again adds nothing twice; what it did is said in one line.

use std::path::PathBuf;

use polku_store::{copy_library, Library, PgStore, Store};

#[derive(clap::Args)]
pub(crate) struct MigrateArgs {
    /// The library folder to copy from
    #[arg(long, value_name = "DIR", conflicts_with = "from_database", required_unless_present = "from_database")]
    from: Option<PathBuf>,
    /// Or a team library to copy from
    #[arg(long, value_name = "URL")]
    from_database: Option<String>,
    /// The team library to copy into
    #[arg(long, value_name = "URL", conflicts_with = "to_dir", required_unless_present = "to_dir")]
    to: Option<String>,
    /// Or a library folder to copy into
    #[arg(long, value_name = "DIR")]
    to_dir: Option<PathBuf>,
    /// Into a team library: the facilitator whose the copied workshops are (they can share them)
    #[arg(long, value_name = "EMAIL", required_unless_present = "to_dir")]
    owner: Option<String>,
}

fn open(dir: Option<&PathBuf>, url: Option<&String>) -> Result<Box<dyn Library>, String> {
    match (dir, url) {
        (Some(dir), _) => Store::open_dir(dir).map(|s| Box::new(s) as Box<dyn Library>).map_err(|e| e.to_string()),
        (None, Some(url)) => PgStore::connect(url).map(|s| Box::new(s) as Box<dyn Library>).map_err(|e| e.to_string()),
        (None, None) => Err("say where to copy from and to (see polku migrate --help)".into()),
    }
}

pub(crate) fn run(args: MigrateArgs, now: polku_core::Millis) -> Result<(), String> {
    let from = open(args.from.as_ref(), args.from_database.as_ref())?;
    let mut to = open(args.to_dir.as_ref(), args.to.as_ref())?;
    // Into a team library, every workshop must be someone's, or no one would reach it.
    let owner = match (&args.to, &args.owner) {
        (Some(url), Some(email)) => {
            let accounts = polku_store::Accounts::connect(url).map_err(|e| e.to_string())?;
            let owner = accounts.find(email).map_err(|e| e.to_string())?.ok_or_else(|| format!("no facilitator {email} in the team library: add them first (polku facilitators add)"))?;
            Some((accounts, owner))
        }
        _ => None,
    };
    let done = copy_library(from.as_ref(), to.as_mut(), now).map_err(|e| format!("the copy stopped: {e}"))?;
    if let Some((accounts, owner)) = &owner {
        for id in &done.workshops {
            accounts.set_owner(*id, owner.id).map_err(|e| e.to_string())?;
        }
    }
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    println!(
        "Copied {} ({} notes) and {} to {}. Already there: {}, {}.",
        plural(done.workshops.len(), "workshop", "workshops"),
        done.notes,
        plural(done.templates, "own template", "own templates"),
        to.location(),
        plural(done.already, "workshop", "workshops"),
        plural(done.templates_already, "template", "templates"),
    );
    let deleted = from.list_deleted_workshops(now).map(|d| d.len()).unwrap_or(0);
    if deleted > 0 {
        println!("{} in Recently deleted stayed behind: restore first what should go.", plural(deleted, "workshop", "workshops"));
    }
    Ok(())
}
