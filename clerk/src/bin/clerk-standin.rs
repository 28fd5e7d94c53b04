//! `clerk-standin`: the crate's in-memory stand-in of the Clerk Backend API as a process, for
//! tests written in any language. This file only reads the arguments and prints; the server
//! and the seed file are `clerk_backend::testing`'s.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use clerk_backend::testing::{generate_webhook_secret, Seed, StandIn};
use clerk_backend::webhooks::Webhook;

/// The port when `--port` is not given.
const DEFAULT_PORT: u16 = 8787;

const USAGE: &str = "\
clerk-standin: a local, stateful stand-in of the Clerk Backend API

Usage: clerk-standin [--host <ip>] [--port <n>] [--seed <file.json>]
                     [--webhook-url <url>].. [--webhook-secret <whsec_...>] [--quiet]

Options:
  --host <ip>         Address to listen on [default: 127.0.0.1]. Anyone who can reach it
                      can use the stand-in's well-known secret key: listen on 0.0.0.0
                      (e.g. inside a container other containers call) only on a trusted
                      network.
  --port <n>          Port to listen on [default: 8787]; 0 picks a free one (read the
                      printed CLERK_API_URL).
  --seed <file.json>  Users, organizations and memberships to create on start:
                      {\"users\": [<POST /users body>, ..],
                       \"organizations\": [<POST /organizations body>, ..],
                       \"memberships\": [{\"organization\": <index, slug or name>,
                                        \"user\": <index, email, username or external_id>,
                                        \"role\": \"org:admin\"}, ..]}
  --webhook-url <url> Send Clerk's webhook events for every change (user.created,
                      organizationMembership.deleted, session.revoked...) to this URL,
                      signed like Clerk's (svix-id, svix-timestamp, svix-signature), in
                      order; a delivery not answered 2xx is retried after 0, 50 ms, 200 ms,
                      1 s and 5 s, the later ones waiting. Repeat for more endpoints.
  --webhook-secret <whsec_...>
                      The signing secret of the webhook endpoints [default: a fresh one,
                      printed as CLERK_WEBHOOK_SIGNING_SECRET].
  --quiet             Do not log each request to stderr.
  -h, --help          Print this help and exit.
  -V, --version       Print the version and exit.

On start it prints to stdout, one item per line:
  CLERK_API_URL=http://127.0.0.1:8787
  CLERK_SECRET_KEY=sk_test_...
  CLERK_PUBLISHABLE_KEY=pk_test_...
  the PEM public key session tokens are signed with (CLERK_JWT_KEY), over several lines
  CLERK_WEBHOOK_SIGNING_SECRET=whsec_... (with --webhook-url)
  ready
then logs each request to stderr (`GET /users 200 0.42ms`) until Ctrl-C or SIGTERM.
State lives in memory and is gone when it stops.

Exit status: 0 when stopped by a signal, 1 when it cannot start (the port is taken, say),
2 for a bad argument or seed file.
";

/// What the command line asks for.
struct Args {
    address: SocketAddr,
    seed: Option<String>,
    quiet: bool,
    webhook_urls: Vec<String>,
    webhook_secret: Option<String>,
}

/// What to do instead of serving.
enum Stop {
    Help,
    Version,
    Usage(String),
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, Stop> {
    let mut host = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let mut port = DEFAULT_PORT;
    let mut seed = None;
    let mut quiet = false;
    let mut webhook_urls = Vec::new();
    let mut webhook_secret = None;
    while let Some(arg) = args.next() {
        // `--port=0` and `--port 0` alike.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| Stop::Usage(format!("{name} needs a value")))
        };
        match flag.as_str() {
            "-h" | "--help" => return Err(Stop::Help),
            "-V" | "--version" => return Err(Stop::Version),
            "--quiet" => quiet = true,
            "--host" => {
                let v = value("--host")?;
                host = if v.eq_ignore_ascii_case("localhost") {
                    IpAddr::V4(Ipv4Addr::LOCALHOST)
                } else {
                    v.trim_start_matches('[')
                        .trim_end_matches(']')
                        .parse()
                        .map_err(|_| {
                            Stop::Usage(format!("--host takes an IP address, not {v:?}"))
                        })?
                };
            }
            "--port" => {
                let v = value("--port")?;
                port = v
                    .parse()
                    .map_err(|_| Stop::Usage(format!("--port takes 0 to 65535, not {v:?}")))?;
            }
            "--seed" => seed = Some(value("--seed")?),
            "--webhook-url" => webhook_urls.push(value("--webhook-url")?),
            "--webhook-secret" => {
                let v = value("--webhook-secret")?;
                if Webhook::new(&v).is_err() {
                    return Err(Stop::Usage(String::from(
                        "--webhook-secret takes whsec_ followed by base64",
                    )));
                }
                webhook_secret = Some(v);
            }
            other => return Err(Stop::Usage(format!("unknown argument {other:?}"))),
        }
    }
    if webhook_secret.is_some() && webhook_urls.is_empty() {
        return Err(Stop::Usage(String::from(
            "--webhook-secret needs a --webhook-url to sign for",
        )));
    }
    Ok(Args {
        address: SocketAddr::new(host, port),
        seed,
        quiet,
        webhook_urls,
        webhook_secret,
    })
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(Stop::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(Stop::Version) => {
            println!("clerk-standin {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(Stop::Usage(message)) => {
            eprintln!("clerk-standin: {message}\nTry `clerk-standin --help`.");
            return ExitCode::from(2);
        }
    };
    // Read the seed before anything starts, so a bad file fails fast.
    let seed = match args.seed.as_deref().map(read_seed).transpose() {
        Ok(seed) => seed,
        Err(message) => {
            eprintln!("clerk-standin: {message}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("clerk-standin: could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(args, seed))
}

fn read_seed(path: &str) -> Result<Seed, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the seed file {path}: {e}"))?;
    Seed::from_json(&text).map_err(|e| format!("bad seed file {path}: {e}"))
}

async fn serve(args: Args, seed: Option<Seed>) -> ExitCode {
    let mut builder = StandIn::builder()
        .bind(args.address)
        // Nobody outside can read the in-process log: keep none.
        .max_recorded_requests(0);
    if !args.quiet {
        builder = builder.on_request(|r| eprintln!("{r}"));
    }
    let webhook_secret = match (&args.webhook_secret, args.webhook_urls.is_empty()) {
        (_, true) => None,
        (Some(secret), false) => Some(secret.clone()),
        (None, false) => Some(generate_webhook_secret()),
    };
    if let Some(secret) = &webhook_secret {
        for url in &args.webhook_urls {
            builder = builder.webhook(url.clone(), secret.clone());
        }
    }
    let standin = match builder.start().await {
        Ok(standin) => standin,
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => {
            eprintln!("clerk-standin: {e}");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("clerk-standin: cannot listen on {}: {e}", args.address);
            return ExitCode::FAILURE;
        }
    };
    if !args.address.ip().is_loopback() {
        eprintln!(
            "clerk-standin: listening on {} beyond loopback: anyone who reaches it can use it",
            standin.local_addr()
        );
    }
    if let (Some(seed), Some(path)) = (seed, &args.seed) {
        if let Err(e) = standin.seed_or_name_entry(seed).await {
            eprintln!("clerk-standin: the stand-in refused the seed file {path}: {e}");
            return ExitCode::from(2);
        }
    }
    let webhook_line = webhook_secret
        .map(|secret| format!("CLERK_WEBHOOK_SIGNING_SECRET={secret}\n"))
        .unwrap_or_default();
    print!(
        "CLERK_API_URL={}\nCLERK_SECRET_KEY={}\nCLERK_PUBLISHABLE_KEY={}\n{}{webhook_line}ready\n",
        standin.url(),
        standin.secret_key(),
        standin.publishable_key(),
        standin.jwt_public_key(),
    );
    use std::io::Write as _;
    if let Err(e) = std::io::stdout().flush() {
        eprintln!("clerk-standin: cannot write to stdout: {e}");
        return ExitCode::FAILURE;
    }
    match stopped().await {
        Ok(signal) => {
            eprintln!("clerk-standin: {signal}, stopping");
            drop(standin);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("clerk-standin: cannot listen for signals: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Waits for Ctrl-C or (on Unix) SIGTERM and names the one that came.
async fn stopped() -> std::io::Result<&'static str> {
    #[cfg(unix)]
    {
        use futures_util::future::{select, Either};
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = signal(SignalKind::terminate())?;
        let interrupt = std::pin::pin!(tokio::signal::ctrl_c());
        let terminate = std::pin::pin!(term.recv());
        match select(interrupt, terminate).await {
            Either::Left((r, _)) => r.map(|()| "SIGINT"),
            Either::Right(_) => Ok("SIGTERM"),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await.map(|()| "Ctrl-C")
    }
}
