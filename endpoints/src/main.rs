//! `endpoints`: keeps `inventory.tsv` in step with the spec and reports how
//! much of it the `clerk` crate declares. Run `endpoints help` for usage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use endpoints::{check, coverage_report, Inventory, ReportOptions, Spec};

const USAGE: &str = "\
usage: cargo run -p endpoints -- <command>

commands:
  sync <spec.yml> [--out FILE] [--check]
      Regenerate the inventory (default: endpoints/inventory.tsv) from a spec.
      With --check, write nothing and fail if the file is out of date.
  coverage [--missing-only] [--tag TAG] [--spec FILE]
      Per-tag coverage table, then drafted declarations for what is missing.
      Counts against the committed inventory, or against --spec FILE.
      Drafts need a spec: --spec FILE, else ../shared/spec/bapi-<version>.yml
      next to the workspace when present.
  check [--spec FILE]
      List problems of the clerk catalog (unknown, duplicate or
      not-deprecated endpoints, stale LEGACY entries); fails if any.
  help
      Show this text.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("endpoints: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (command, rest) = args
        .split_first()
        .ok_or_else(|| format!("no command\n\n{USAGE}"))?;
    match command.as_str() {
        "sync" => sync(rest),
        "coverage" => coverage(rest),
        "check" => check_catalog(rest),
        "help" | "-h" | "--help" => {
            emit(USAGE);
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

fn committed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("inventory.tsv")
}

/// The spec of `version` in the shared folder beside the workspace, if there.
fn shared_spec_path(version: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/spec")
        .join(format!("bapi-{version}.yml"))
}

fn sync(args: &[String]) -> Result<ExitCode, String> {
    let mut spec_path = None;
    let mut out = committed_path();
    let mut check_only = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = PathBuf::from(value_of("--out", args.next())?),
            "--check" => check_only = true,
            flag if flag.starts_with("--") => return Err(format!("sync: unknown option `{flag}`")),
            path if spec_path.is_none() => spec_path = Some(PathBuf::from(path)),
            extra => return Err(format!("sync: unexpected argument `{extra}`")),
        }
    }
    let spec_path = spec_path.ok_or("sync: which spec? (sync <spec.yml>)")?;
    let spec = Spec::read(&spec_path).map_err(|e| e.to_string())?;
    let inventory = spec.inventory().map_err(|e| e.to_string())?;
    let text = inventory.to_tsv();

    if check_only {
        let current = std::fs::read_to_string(&out).unwrap_or_default();
        if current == text {
            emit(&format!(
                "{} is up to date (spec {})\n",
                out.display(),
                spec.version()
            ));
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "{} is out of date: run `cargo run -p endpoints -- sync {}`",
            out.display(),
            spec_path.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    std::fs::write(&out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    emit(&format!(
        "wrote {} operations of spec {} to {}\n",
        inventory.entries().len(),
        inventory.version(),
        out.display()
    ));
    Ok(ExitCode::SUCCESS)
}

fn coverage(args: &[String]) -> Result<ExitCode, String> {
    let mut options = ReportOptions::default();
    let mut spec_path = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--missing-only" => options.missing_only = true,
            "--tag" => options.tag = Some(value_of("--tag", args.next())?.to_owned()),
            "--spec" => spec_path = Some(PathBuf::from(value_of("--spec", args.next())?)),
            other => return Err(format!("coverage: unexpected argument `{other}`")),
        }
    }
    let (inventory, spec) = inventory_and_spec(spec_path)?;
    let report = coverage_report(
        &inventory,
        &endpoints::declared::clerk_catalog(),
        spec.as_ref(),
        &options,
    )
    .map_err(|e| e.to_string())?;
    emit(&report);
    Ok(ExitCode::SUCCESS)
}

fn check_catalog(args: &[String]) -> Result<ExitCode, String> {
    let mut spec_path = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--spec" => spec_path = Some(PathBuf::from(value_of("--spec", args.next())?)),
            other => return Err(format!("check: unexpected argument `{other}`")),
        }
    }
    let inventory = match spec_path {
        Some(path) => {
            let spec = Spec::read(&path).map_err(|e| e.to_string())?;
            spec.inventory().map_err(|e| e.to_string())?
        }
        None => Inventory::committed().map_err(|e| format!("committed inventory.tsv: {e}"))?,
    };
    let declared = endpoints::declared::clerk_catalog();
    let problems = check(&inventory, &declared);
    if problems.is_empty() {
        emit(&format!(
            "{} declarations checked against spec {}: no problems\n",
            declared.len(),
            inventory.version()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for problem in &problems {
        text.push_str(&format!("- {problem}\n"));
    }
    text.push_str(&format!("{} problem(s)\n", problems.len()));
    emit(&text);
    Ok(ExitCode::FAILURE)
}

/// The inventory to count against, and the spec to draft from (if any).
///
/// With `--spec`, both come from that file. Otherwise the committed inventory
/// is used, with the shared spec of the same version for drafting when present.
fn inventory_and_spec(spec_path: Option<PathBuf>) -> Result<(Inventory, Option<Spec>), String> {
    let committed = Inventory::committed().map_err(|e| format!("committed inventory.tsv: {e}"));
    if let Some(path) = spec_path {
        let spec = Spec::read(&path).map_err(|e| e.to_string())?;
        let inventory = spec.inventory().map_err(|e| e.to_string())?;
        if let Ok(committed) = &committed {
            if committed.version() != inventory.version() {
                eprintln!(
                    "note: counting against spec {} from {}; inventory.tsv is spec {}",
                    inventory.version(),
                    path.display(),
                    committed.version()
                );
            }
        }
        return Ok((inventory, Some(spec)));
    }
    let committed = committed?;
    let path = shared_spec_path(committed.version());
    let spec = if path.is_file() {
        let spec = Spec::read(&path).map_err(|e| e.to_string())?;
        if spec.version() == committed.version() {
            Some(spec)
        } else {
            eprintln!(
                "note: {} is spec {}, not {}; not drafting from it",
                path.display(),
                spec.version(),
                committed.version()
            );
            None
        }
    } else {
        None
    };
    if spec.is_none() {
        eprintln!(
            "note: no spec found; drafts give routes only (pass --spec FILE for full drafts)"
        );
    }
    Ok((committed, spec))
}

fn value_of<'a>(option: &str, value: Option<&'a String>) -> Result<&'a str, String> {
    value
        .map(String::as_str)
        .ok_or_else(|| format!("{option} needs a value"))
}

/// Prints to stdout; a closed pipe (e.g. `| head`) is not an error.
fn emit(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}
