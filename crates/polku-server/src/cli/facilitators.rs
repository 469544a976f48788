//! `polku facilitators`: who may sign in to a team library, managed by its IT or an admin from
//! the command line. A password is read from standard input (one line), never from the command
//! line, where other users of the machine could see it.

use polku_store::{Accounts, PgStore};

#[derive(clap::Args)]
pub(crate) struct FacilitatorsArgs {
    /// The team library: postgres://USER:PASSWORD@HOST:PORT/DB
    #[arg(long, env = super::DATABASE_ENV, value_name = "URL")]
    database: String,
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Add a facilitator; their password is read from standard input
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// May manage the other facilitators
        #[arg(long)]
        admin: bool,
        /// No password: they sign in only through the organisation's OpenID provider
        #[arg(long)]
        no_password: bool,
    },
    /// List the facilitators
    List {
        /// Print JSON: [{"email", "name", "admin", "disabled"}]
        #[arg(long)]
        json: bool,
    },
    /// Set a new password (read from standard input); signs them out everywhere
    SetPassword {
        #[arg(long)]
        email: String,
    },
    /// Take away the right to sign in; signs them out everywhere
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Give back the right to sign in
    Enable {
        #[arg(long)]
        email: String,
    },
    /// Add a group (a team, a unit) that workshops can be shared with as a whole
    AddGroup {
        #[arg(long)]
        group: String,
    },
    /// Give a group another name; its members and its workshops stay with it
    RenameGroup {
        #[arg(long)]
        group: String,
        /// The new name
        #[arg(long)]
        to: String,
    },
    /// Remove a group: its members no longer reach the workshops shared with it (the workshops stay)
    RemoveGroup {
        #[arg(long)]
        group: String,
    },
    /// Put a facilitator in a group (or take them out with --remove)
    Member {
        #[arg(long)]
        group: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        remove: bool,
    },
    /// List the groups and who is in each
    Groups,
}

fn password() -> Result<String, String> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| e.to_string())?;
    let line = line.trim_end_matches(['\n', '\r']).to_string();
    if line.is_empty() {
        return Err("give the password on standard input (one line)".into());
    }
    Ok(line)
}

pub(crate) fn run(args: FacilitatorsArgs, now: polku_core::Millis) -> Result<(), String> {
    // Brings the schema up to date (and refuses a database that is not Polku's) first.
    drop(PgStore::connect(&args.database).map_err(|e| e.to_string())?);
    let accounts = Accounts::connect(&args.database).map_err(|e| e.to_string())?;
    let fail = |e: polku_store::StoreError| e.to_string();
    match args.action {
        Action::Add { email, name, admin, no_password } => {
            let pw = if no_password { None } else { Some(password()?) };
            let f = accounts.add(&email, &name, pw.as_deref(), admin, now).map_err(fail)?;
            println!("Added {} ({}){}", f.email, f.name, if f.admin { ", an admin" } else { "" });
        }
        Action::List { json } => {
            let list = accounts.list().map_err(fail)?;
            if json {
                let rows: Vec<_> = list
                    .iter()
                    .map(|f| serde_json::json!({ "email": f.email, "name": f.name, "admin": f.admin, "disabled": f.disabled }))
                    .collect();
                println!("{}", serde_json::Value::Array(rows));
            } else {
                for f in list {
                    let marks = [(f.admin, "admin"), (f.disabled, "disabled")].iter().filter(|(on, _)| *on).map(|(_, w)| *w).collect::<Vec<_>>().join(", ");
                    println!("{}  {}{}", f.email, f.name, if marks.is_empty() { String::new() } else { format!("  ({marks})") });
                }
            }
        }
        Action::SetPassword { email } => {
            accounts.set_password(&email, &password()?).map_err(fail)?;
            println!("New password set for {email}; they were signed out everywhere");
        }
        Action::Disable { email } => {
            accounts.set_disabled(&email, true).map_err(fail)?;
            println!("{email} can no longer sign in, and was signed out everywhere");
        }
        Action::Enable { email } => {
            accounts.set_disabled(&email, false).map_err(fail)?;
            println!("{email} can sign in again");
        }
        Action::AddGroup { group } => {
            accounts.add_group(&group, now).map_err(fail)?;
            println!("Added the group {group:?}");
        }
        Action::RenameGroup { group, to } => {
            accounts.rename_group(&group, &to).map_err(fail)?;
            println!("The group {group:?} is now {:?}", to.trim());
        }
        Action::RemoveGroup { group } => {
            accounts.remove_group(&group).map_err(fail)?;
            println!("Removed the group {group:?}; its workshops are no longer shared through it");
        }
        Action::Member { group, email, remove } => {
            accounts.set_member(&group, &email, !remove).map_err(fail)?;
            println!("{email} is {} the group {group:?}", if remove { "no longer in" } else { "in" });
        }
        Action::Groups => {
            for g in accounts.groups().map_err(fail)? {
                let members = if g.members.is_empty() { "(nobody)".to_string() } else { g.members.join(", ") };
                println!("{}: {members}; {} workshop(s) shared with it", g.name, g.workshops);
            }
        }
    }
    Ok(())
}
