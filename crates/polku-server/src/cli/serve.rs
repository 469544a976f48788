//! `polku serve`: the laptop's server on 127.0.0.1 with this run's key, or a team server on a
//! PostgreSQL library where facilitators sign in (with a password, or through the
//! organisation's OpenID provider).

use std::sync::Arc;

use polku_api::Host;

use super::DataDir;

/// Where the OpenID client secret is read from; never a flag, which the process list shows.
pub const OIDC_SECRET_ENV: &str = "POLKU_OIDC_CLIENT_SECRET";

#[derive(clap::Args)]
pub(crate) struct TeamArgs {
    /// A team server's address and port to listen on instead of 127.0.0.1 (with --database
    /// and --public-url: browsers reach it only through the organisation's HTTPS proxy)
    #[arg(long, env = "POLKU_LISTEN", value_name = "ADDR:PORT", requires = "public_url")]
    listen: Option<std::net::SocketAddr>,
    /// The address facilitators open, at the organisation's HTTPS proxy
    /// (https://polku.example.fi); its Host and Origin are let in as loopback ones are
    #[arg(long, env = "POLKU_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// Facilitators sign in through this OpenID provider (its issuer URL, e.g.
    /// https://login.microsoftonline.com/TENANT/v2.0); the client secret is read from
    /// POLKU_OIDC_CLIENT_SECRET. The provider sends them back to PUBLIC_URL/signin/oidc/callback
    #[arg(long, env = "POLKU_OIDC_ISSUER", value_name = "URL", requires = "oidc_client_id")]
    oidc_issuer: Option<String>,
    /// The client id the provider registered for Polku
    #[arg(long, env = "POLKU_OIDC_CLIENT_ID", value_name = "ID", requires = "oidc_issuer")]
    oidc_client_id: Option<String>,
    /// The provider's name on the sign-in button ("Sign in with NAME")
    #[arg(long, env = "POLKU_OIDC_NAME", value_name = "NAME", requires = "oidc_issuer")]
    oidc_name: Option<String>,
    /// Anyone the provider signs in becomes a facilitator (the provider decides who may use
    /// Polku); without it, an admin adds each facilitator's address first
    #[arg(long, env = "POLKU_OIDC_NEW_FACILITATORS", requires = "oidc_issuer")]
    oidc_new_facilitators: bool,
}

impl TeamArgs {
    fn given(&self) -> bool {
        self.listen.is_some() || self.public_url.is_some() || self.oidc_issuer.is_some()
    }

    fn oidc(&self) -> Result<Option<polku_server::Oidc>, String> {
        let (Some(issuer), Some(client_id)) = (&self.oidc_issuer, &self.oidc_client_id) else {
            return Ok(None);
        };
        let config = polku_server::OidcConfig {
            issuer: issuer.clone(),
            client_id: client_id.clone(),
            client_secret: std::env::var(OIDC_SECRET_ENV).ok().filter(|s| !s.is_empty()),
            name: self.oidc_name.clone().filter(|n| !n.trim().is_empty()),
            add_new: self.oidc_new_facilitators,
        };
        polku_server::Oidc::new(config).map(Some)
    }
}

pub(crate) fn run(data: DataDir, port: u16, team: TeamArgs) -> Result<(), String> {
    if data.database.is_none() {
        if team.given() {
            return Err("--listen, --public-url and --oidc-… are for a team library (--database); a library folder is served on 127.0.0.1 only".into());
        }
        return serve(data.open()?, port, Gate::Key(polku_server::Access::new()));
    }
    let public = team.public_url.as_deref().map(polku_server::PublicUrl::parse).transpose()?;
    let oidc = team.oidc()?;
    let listen = team.listen.unwrap_or_else(|| std::net::SocketAddr::from(([127, 0, 0, 1], port)));
    let host = data.open()?;
    // The host's own: one connection answers the sign-ins, the admins and the access checks.
    let accounts = host.shared_team_accounts().ok_or("the library given is not a team library")?;
    let mut sign_in = polku_server::SignIn::new(accounts.clone());
    if let Some(oidc) = oidc {
        sign_in = sign_in.with_oidc(oidc);
    }
    let address = polku_server::TeamAddress { listen, public };
    serve(host, port, Gate::SignIn(sign_in, polku_server::Admin::new(accounts), address))
}

/// What lets a browser in: the laptop's per-run key, or a team server's sign-in.
enum Gate {
    Key(polku_server::Access),
    SignIn(polku_server::SignIn, polku_server::Admin, polku_server::TeamAddress),
}

fn serve(host: Host, port: u16, gate: Gate) -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let host = Arc::new(host);
        // Whoever started us may have stopped reading (`polku serve | head -1`): that must not
        // stop the server, so write errors are ignored rather than panicking.
        let say = |text: String| {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{text}");
            let _ = out.flush();
        };
        let served = match gate {
            Gate::Key(access) => {
                // Opening joining in the browser's dialog then listens on the room's network.
                polku_server::participant::LanJoinNetwork::install(&host, tokio::runtime::Handle::current());
                let ready = |url: String| say(format!("Polku is serving at {url}\nOpen that address: it carries this run's key. Press Ctrl+C to stop."));
                polku_server::serve(host, port, access, ready, shutdown).await
            }
            Gate::SignIn(gate, admin, address) => {
                let ready = |url: String| say(format!("Polku is serving the team library at {url}\nFacilitators sign in there. Press Ctrl+C to stop."));
                polku_server::serve_team(host, address, gate, admin, ready, shutdown).await
            }
        };
        served
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AddrInUse => format!("port {port} is already in use; choose another with --port (0 picks a free one)"),
            _ => format!("cannot serve: {e}"),
        })
    })
}
